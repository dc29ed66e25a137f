/**
 * Runs a bare-metal image in the project's ROM-load-path emulator (firmware-template/host/emu/esp_emu.py) with
 * a model at 0x100000, and talks to it with the app's frame codec. For the bench and for debugging.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

import { encodeFrame, FrameScanner, type Frame } from '../src/core/protocol/index.ts';
import { MODEL_PARTITION } from './firmware-bare-build.ts';

const EMU = join(import.meta.dirname, '..', 'firmware-template', 'host', 'emu', 'esp_emu.py');

/**
 * The emulator on a flash file, its console on stdin/stdout; its report is written to `report` when it stops.
 * `extra` adds emulator options (e.g. --timeout-s); stderr is piped unless `inheritStderr`.
 */
export function spawnEmu(
  chip: string,
  flashFile: string,
  consoleName: 'uart0' | 'usb',
  report: string,
  { extra = [], inheritStderr = false }: { extra?: readonly string[]; inheritStderr?: boolean } = {},
): ChildProcessByStdio<Writable, Readable, Readable | null> {
  const args = [
    EMU,
    '--chip',
    chip,
    '--flash',
    flashFile,
    '--console',
    consoleName,
    '--report',
    report,
    ...extra,
  ];
  return inheritStderr
    ? spawn('/usr/bin/python3', args, { stdio: ['pipe', 'pipe', 'inherit'] })
    : spawn('/usr/bin/python3', args, { stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Flash contents from 0x0: the image, erased bytes, then the blob in the model partition. */
export function flashWith(image: Uint8Array, blob: Uint8Array | undefined): Uint8Array {
  const flash = new Uint8Array(MODEL_PARTITION.offset + (blob?.length ?? 0)).fill(0xff);
  flash.set(image);
  if (blob) flash.set(blob, MODEL_PARTITION.offset);
  return flash;
}

export interface EmuSession {
  ask(seq: number, kind: string, payload?: Uint8Array): Promise<Frame[]>;
  /** Raw console bytes, e.g. a request written before the board has said hello. */
  send(text: string): void;
  /** Everything the console printed so far, as text. */
  text(): string;
  /** The replies (not hello) to request `seq`, once its first has arrived. */
  replies(seq: number): Promise<Frame[]>;
  hello: Promise<Frame>;
  /** Closes the console and returns the emulator's report. */
  close(): Promise<Record<string, unknown>>;
}

export function startEmu(chip: string, flash: Uint8Array, consoleName: 'uart0' | 'usb'): EmuSession {
  const dir = mkdtempSync(join(tmpdir(), 'minnow-bare-emu-'));
  writeFileSync(join(dir, 'flash.bin'), flash);
  const reportPath = join(dir, 'report.json');
  const child = spawnEmu(chip, join(dir, 'flash.bin'), consoleName, reportPath);
  const scanner = new FrameScanner();
  const frames: Frame[] = [];
  let stderr = '';
  let stdout = '';
  let wake: (() => void) | undefined;
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('latin1');
    frames.push(...scanner.push(new Uint8Array(chunk)));
    wake?.();
  });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const waitFor = async (pick: () => Frame | undefined, what: string): Promise<Frame> => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const found = pick();
      if (found) return found;
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`no ${what} from the emulator: ${stderr}`);
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 200);
      });
    }
  };
  const hello = waitFor(() => frames.find((f) => f.kind === 'hello'), 'hello');
  hello.catch(() => undefined); // a session that never says hello (a trap test) need not wait for it
  return {
    hello,
    text: () => stdout,
    send(text) {
      child.stdin.write(text);
    },
    async replies(seq) {
      await waitFor(() => frames.find((f) => f.seq === seq && f.kind !== 'hello'), `reply ${seq}`);
      return frames.filter((f) => f.seq === seq && f.kind !== 'hello');
    },
    async ask(seq, kind, payload = new Uint8Array(0)) {
      child.stdin.write(encodeFrame({ version: 1, seq, kind, payload }));
      return this.replies(seq);
    },
    async close() {
      child.stdin.end();
      const code = await exited;
      const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Record<string, unknown>;
      return { ...report, exitCode: code, stderr };
    },
  };
}
