/**
 * Figures of the bare-metal images (docs/BARE-METAL.md), printed for `npm run bench:firmware`:
 * image size per chip, RAM left for the arena, whether the interpreter's objects are the RV32 bench's machine
 * code (so its instructions per MAC carry over unchanged), and, in the ROM-load emulator, the time from
 * reset to the hello and to the first `info` reply, with and without a model in flash.
 *
 *   npx tsx scripts/firmware-bare-bench.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { decodeInfo } from '../src/core/protocol/index.ts';
import { readElf32 } from '../src/core/firmware/esp-image-elf.ts';
import { espImageFromElf } from '../src/core/firmware/esp-image-writer.ts';
import { BARE_CHIPS, buildBare, pinnedTable } from './firmware-bare-build.ts';
import { flashWith, startEmu } from './firmware-bare-emu.ts';

const ROOT = join(import.meta.dirname, '..');
const RV32 = join(ROOT, 'firmware-template', 'host', 'rv32');
const BLOB_CASE = 'example-mnist-mlp';

function symbol(elf: string, name: string): number {
  const line = execFileSync('riscv64-unknown-elf-nm', [elf], { encoding: 'utf8' })
    .split('\n')
    .find((l) => l.endsWith(` ${name}`));
  if (line === undefined) throw new Error(`${elf} has no symbol ${name}`);
  return Number.parseInt(line.split(' ')[0]!, 16);
}

/** Disassembly with relocations, without the file-name line, for comparing two builds of one source. */
function code(object: string): string {
  return execFileSync('riscv64-unknown-elf-objdump', ['-d', '-r', object], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .join('\n');
}

function sameObjects(benchDir: string, bareDir: string): { same: string[]; differ: string[] } {
  const same: string[] = [];
  const differ: string[] = [];
  for (const name of readdirSync(benchDir).sort()) {
    const bare = join(bareDir, name);
    if (!existsSync(bare)) continue; // the bench's own port
    (code(join(benchDir, name)) === code(bare) ? same : differ).push(basename(name, '.o'));
  }
  return { same, differ };
}

async function bootTimes(
  chip: string,
  image: Uint8Array,
  blob: Uint8Array | undefined,
  consoleName: 'uart0' | 'usb',
) {
  const emu = startEmu(chip, flashWith(image, blob), consoleName);
  // Asked as the app asks: after the hello. The emulator counts the image's instructions, not the host's delay.
  await emu.hello;
  const [reply] = await emu.ask(1, 'info');
  const report = (await emu.close()) as {
    cpuMhz: number;
    frames?: { kind: string; seq: number; instructions: number }[];
  };
  const at = (kind: string) => report.frames?.find((f) => f.kind === kind)?.instructions;
  const info = decodeInfo(reply!.payload);
  return { info, mhz: report.cpuMhz, hello: at('hello'), reply: at('info') };
}

/** The image with an illegal instruction (c.unimp) at the start of bare_main: what its trap handler says. */
async function trapLine(chip: string, elfPath: string): Promise<string> {
  const elf = readElf32(readFileSync(elfPath));
  const at = symbol(elfPath, 'bare_main');
  const segment = elf.segments.find((s) => at >= s.vaddr && at < s.vaddr + s.data.length)!;
  segment.data.fill(0, at - segment.vaddr, at - segment.vaddr + 2);
  const emu = startEmu(chip, flashWith(espImageFromElf(elf, chip, pinnedTable(chip)), undefined), 'uart0');
  await new Promise((r) => setTimeout(r, 3000));
  const report = (await emu.close()) as { stdout?: string; stderr: string };
  const line =
    emu
      .text()
      .split('\n')
      .find((l) => l.includes('trap')) ?? '(no trap line)';
  return `${line.trim()} [bare_main = 0x${at.toString(16)}; emulator: ${report.stderr.trim()}]`;
}

const ms = (instructions: number | undefined, mhz: number) =>
  instructions === undefined
    ? 'n/a (not in the emulator report)'
    : `${(instructions / mhz / 1000).toFixed(1)} ms`;

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'minnow-bare-bench-'));
  try {
    console.log('== bare-metal images (firmware-template/bare, RV32IMC -O2, picolibc)');
    const built = BARE_CHIPS.map((chip) => buildBare(chip, join(work, chip)));
    for (const b of built) {
      const pool = symbol(b.elfPath, '__pool_end') - symbol(b.elfPath, '__pool_start');
      const image = [...b.files.values()][0]!;
      console.log(
        `${b.chip}: image ${image.length} bytes, arena pool ${pool} bytes (${(pool / 1024).toFixed(1)} KB)`,
      );
    }

    console.log('== kernels: the image compiles the interpreter exactly as the RV32 bench does');
    execFileSync('bash', [join(RV32, 'build.sh'), join(work, 'rv32')], { stdio: 'ignore' });
    const { same, differ } = sameObjects(
      join(work, 'rv32', 'obj-fast'),
      join(work, 'esp32c3', 'obj-esp32c3'),
    );
    console.log(
      `${same.length} objects with identical machine code; differing: ${differ.join(', ') || 'none'}`,
    );
    console.log('instructions per MAC of those kernels (QEMU RV32, -icount), valid for the image unchanged:');
    process.stdout.write(
      execFileSync(join(RV32, 'qemu.sh'), [join(work, 'rv32', 'bench-fast.elf')], { encoding: 'utf8' }),
    );

    console.log(`== emulator (firmware-template/host/emu): reset to hello and to the first info reply`);
    execFileSync(
      'npx',
      ['tsx', join(ROOT, 'scripts', 'firmware-golden.ts'), join(work, 'golden'), '--random', '0'],
      {
        stdio: 'ignore',
      },
    );
    const blob = readFileSync(join(work, 'golden', `${BLOB_CASE}.bin`));
    for (const b of built) {
      const image = [...b.files.values()][0]!;
      for (const [label, model] of [
        ['erased model partition', undefined],
        [`${BLOB_CASE} (${blob.length} B)`, blob],
      ] as const) {
        for (const consoleName of ['uart0', 'usb'] as const) {
          const t = await bootTimes(b.chip, image, model, consoleName);
          console.log(
            `${b.chip} ${consoleName.padEnd(5)} ${label.padEnd(32)} hello ${ms(t.hello, t.mhz)}, info ${ms(t.reply, t.mhz)} ` +
              `(at ${t.mhz} MHz, CPI 1; info: ${t.info.cpuMhz} MHz, arena ${t.info.largestFreeBlock} B, ` +
              `model status ${t.info.modelStatus}, console ${t.info.console})`,
          );
        }
      }
    }
    console.log('== trap handler (c.unimp at bare_main, emulator, UART0)');
    for (const b of built) console.log(`${b.chip}: ${await trapLine(b.chip, b.elfPath)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
