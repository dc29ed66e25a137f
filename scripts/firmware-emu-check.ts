/**
 * Proves the shipped bare-metal images without a board: for every bare-metal build in
 * public/firmware/manifest.json, the app's own flasher writes the build and a model compiled from examples/
 * into an emulated board's flash (the ESP ROM protocol emulator of src/device/testing, as the Board tab's
 * "Firmware and model" does), that flash boots in the ROM-load-path emulator (firmware-template/host/emu,
 * Unicorn's RV32IMC core), and the app's own BoardClient drives it on each console (UART0, USB-Serial-JTAG):
 *   - `info` names the chip, the bare-metal flavour, the console and the clock;
 *   - garbage bytes, then `run`: the output bytes equal core/reference's on the same input;
 *   - a model-only update written by the app's flasher (which checks the board's firmware and partition
 *     table first), the chip booted again, then `run` on the new model;
 *   - the emulator's report: every watchdog armed at boot was disabled after its key was written, and the
 *     weights were read through the MMU-mapped flash window, not copied to RAM.
 *
 *   npx tsx scripts/firmware-emu-check.ts [chip...]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBlob } from '../src/core/blob/reader.ts';
import { isMinnowError } from '../src/core/errors.ts';
import { encodeImu } from '../src/core/protocol/imu.ts';
import { createRandom } from '../src/core/random.ts';
import { prepare, run } from '../src/core/reference/interpreter.ts';
import { BoardClient } from '../src/device/board-client.ts';
import { runOnBoard } from '../src/device/board-commands.ts';
import { SerialChannel } from '../src/device/serial-channel.ts';
import { compileExample } from '../src/device/testing/example-blob.ts';
import { FakeSerialPort } from '../src/device/testing/fake-serial-port.ts';
import { EmulatedBoard } from '../src/device/testing/board.ts';
import { manifestFirmware, type FetchFile } from '../src/device/firmware-image.ts';
import type { FlashMode } from '../src/device/flash-plan.ts';
import { flashBoard } from '../src/device/flasher.ts';
import { parseManifestJson } from '../src/core/firmware/manifest.ts';
import { spawnEmu } from './firmware-bare-emu.ts';

const ROOT = join(import.meta.dirname, '..');
const CONSOLES = { uart0: 'uart0', usb: 'usb-serial-jtag' } as const;
type Console = keyof typeof CONSOLES;

interface Report {
  readonly cpuMhz: number;
  readonly exit: { readonly reason: string; readonly clean: boolean };
  readonly frames: readonly { readonly kind: string; readonly instructions: number }[];
  readonly watchdogs: Record<string, { armed: boolean; disabledBy: { key: string } | null }>;
  readonly mmu: { readonly windowReads: { readonly bytes: number; readonly flashPages: string[] } };
  readonly flashReads: readonly { readonly addr: string; readonly bytes: number }[];
}

/** The keys FACTS-C3C6 §3.1 gives for each watchdog armed at boot. */
const WDT_KEYS: Record<string, Record<string, string>> = {
  esp32c3: { RWDT: '0x50d83aa1', SWD: '0x8f1d312a', MWDT0: '0x50d83aa1' },
  esp32c6: { RWDT: '0x50d83aa1', SWD: '0x50d83aa1', MWDT0: '0x50d83aa1' },
};

function fail(what: string): never {
  throw new Error(what);
}

/** A model from examples/ with seeded random weights, its input and core/reference's output for it. */
function modelCase(example: string, seed: number) {
  const spec: unknown = JSON.parse(readFileSync(join(ROOT, 'examples', `${example}.json`), 'utf8'));
  const { blob } = compileExample(seed, spec);
  const program = prepare(readBlob(blob));
  const { inputTensor, arenaSize } = program.blob.header;
  const size = program.blob.tensors[inputTensor]?.shape.reduce((a, b) => a * b, 1) ?? 0;
  const rnd = createRandom(seed + 2);
  const input = Int8Array.from({ length: size }, () => rnd.int(-128, 127));
  return { example, blob, input, want: run(program, input, new Uint8Array(arenaSize)) };
}
type ModelCase = ReturnType<typeof modelCase>;

/** One boot of the emulator: the app's serial channel and client over its stdin/stdout. */
async function boot(chip: string, flashFile: string, consoleName: Console, reportFile: string) {
  const child = spawnEmu(chip, flashFile, consoleName, reportFile, {
    extra: ['--timeout-s', '120'],
    inheritStderr: true,
  });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const port = new FakeSerialPort({
    open: (host) => child.stdout.on('data', (chunk: Buffer) => host.deliver(new Uint8Array(chunk))),
    close: () => child.stdin.end(),
    write: (bytes) => child.stdin.write(bytes),
    signals: () => undefined,
  });
  const channel = await SerialChannel.open(port);
  const client = new BoardClient(channel, 30_000);
  return {
    client,
    channel,
    /** Closes the console; the emulator stops and writes its report. */
    async end(): Promise<Report> {
      client.dispose();
      await channel.close();
      await exited;
      return JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    },
  };
}

async function runMatches(client: BoardClient, model: ModelCase): Promise<void> {
  const got = await runOnBoard(client, model.input);
  const same = Buffer.from(got.output.buffer).equals(Buffer.from(model.want.buffer));
  if (!same) fail(`run on ${model.example}: output differs from core/reference`);
}

/** docs/BARE-METAL.md: the image has no I2C driver, so `imu` (P-19) answers E408 and nothing streams. */
async function sensorUnavailable(client: BoardClient): Promise<void> {
  const request = { rateHz: 50, samples: 1, address: 0x68, accelRange: 0, gyroRange: 0 };
  const e = await client.request('imu', encodeImu({ ...request, sdaGpio: 8, sclGpio: 9 })).then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isMinnowError(e) || e.details.code !== 408)
    fail(`imu: expected E408 SENSOR_UNAVAILABLE, got ${String(e)}`);
}

function checkReport(chip: string, report: Report, blobBytes: number): void {
  if (!report.exit.clean) fail(`emulator stopped: ${report.exit.reason}`);
  for (const [name, key] of Object.entries(WDT_KEYS[chip] ?? {})) {
    const dog = report.watchdogs[name];
    if (dog?.armed !== false || dog.disabledBy?.key !== key)
      fail(`${name} was not disabled after its key ${key}: ${JSON.stringify(dog)}`);
  }
  const { windowReads } = report.mmu;
  if (!windowReads.flashPages.some((p) => Number(p) >= 0x100000))
    fail('no weight was read through the MMU-mapped flash window');
  const copied = report.flashReads
    .filter((r) => Number(r.addr) + r.bytes > 0x100000)
    .reduce((n, r) => n + r.bytes, 0);
  if (copied >= blobBytes) fail(`the model was copied to RAM (${copied} bytes by esp_rom_spiflash_read)`);
}

const FLASH_BYTES = 0x200000;
const shipped = parseManifestJson(readFileSync(join(ROOT, 'public/firmware/manifest.json'), 'utf8'));
const fromDisk: FetchFile = async (path) => new Uint8Array(readFileSync(join(ROOT, 'public/firmware', path)));

/** What the Board tab writes: the app's flasher over the ESP ROM protocol into the emulated board's flash. */
async function flashWithTheApp(board: EmulatedBoard, blob: Uint8Array, mode: FlashMode): Promise<Uint8Array> {
  const firmwareFor = manifestFirmware(shipped, fromDisk);
  const chip = board.chip.id;
  await flashBoard({
    port: new FakeSerialPort(board),
    blob,
    mode,
    selectedChip: chip,
    firmwareFor,
    confirm: false,
  });
  return board.flash.read(0, FLASH_BYTES);
}

async function checkConsole(chip: string, consoleName: Console, dir: string) {
  const [first, second] = [modelCase('mnist-mlp', 11), modelCase('sine', 12)];
  const emulated = new EmulatedBoard({ chip, flashBytes: FLASH_BYTES });
  const flashFile = join(dir, `${chip}-${consoleName}.bin`);
  writeFileSync(flashFile, await flashWithTheApp(emulated, first.blob, 'full'));
  const reportFile = join(dir, `${chip}-${consoleName}.json`);

  const board = await boot(chip, flashFile, consoleName, reportFile);
  const info = await board.client.info();
  if (info.chip !== chip || info.flavour !== 'bare-metal' || info.console !== CONSOLES[consoleName])
    fail(`info says ${info.chip} ${info.flavour} on ${info.console}`);
  if (info.modelStatus !== 0 || info.model?.blobBytes !== first.blob.length)
    fail(`info: model status E${info.modelStatus}, ${info.model?.blobBytes} bytes`);
  await board.channel.write(new Uint8Array([0x40, 0x4d, 0x4e, 0x00, 0xff, 0x0a, 0x13, 0x37, 0x0d, 0x0a]));
  await runMatches(board.client, first);
  await sensorUnavailable(board.client);
  const report = await board.end();
  checkReport(chip, report, first.blob.length);

  // A model-only update as the Board tab makes it, then the chip restarted on that flash.
  writeFileSync(flashFile, await flashWithTheApp(emulated, second.blob, 'model-only'));
  const updated = await boot(chip, flashFile, consoleName, reportFile);
  const info2 = await updated.client.info();
  if (info2.model?.blobBytes !== second.blob.length) fail('the updated model is not the one in flash');
  await runMatches(updated.client, second);
  checkReport(chip, await updated.end(), second.blob.length);

  if (info.cpuMhz !== report.cpuMhz)
    fail(`info says ${info.cpuMhz} MHz, the emulated clock is ${report.cpuMhz} MHz`);
  const at = (kind: string) => report.frames.find((f) => f.kind === kind)?.instructions ?? NaN;
  const ms = (n: number) => `${(n / (info.cpuMhz * 1000)).toFixed(2)} ms`;
  console.log(
    `bare-metal ${chip} on ${consoleName}, flashed by the app: info (${info.cpuMhz} MHz), run on ${first.example} and, after a ` +
      `model-only update, on ${second.example} identical to core/reference; garbage ignored; imu E408; watchdogs ` +
      `disabled by their keys; weights read through the flash window (${report.mmu.windowReads.bytes} B); ` +
      `reset to hello ${at('hello')} instructions (${ms(at('hello'))}), to the first info reply ` +
      `${at('info')} instructions (${ms(at('info'))} at ${info.cpuMhz} MHz)`,
  );
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const builds = shipped.builds.filter(
    (b) => b.flavour === 'bare-metal' && (wanted.length === 0 || wanted.includes(b.chip)),
  );
  if (builds.length === 0) fail('no bare-metal build in public/firmware/manifest.json');
  const dir = mkdtempSync(join(tmpdir(), 'minnow-emu-check-'));
  try {
    for (const { chip } of builds) {
      for (const consoleName of Object.keys(CONSOLES) as Console[])
        await checkConsole(chip, consoleName, dir);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
