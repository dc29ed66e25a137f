import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FirmwareBackend, FirmwareContext, FirmwareFactory } from './flash-boot.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const CANDIDATES = ['firmware-template/host/build-board/mn_board', 'firmware-template/host/build/mn_board'];

/** The virtual board executable (scripts/firmware-board.sh builds it), or undefined when none is built. */
export function findVirtualBoard(): string | undefined {
  const fromEnv = process.env.MINNOW_BOARD_BIN;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.map((p) => join(ROOT, p)).find((p) => existsSync(p));
}

export const VIRTUAL_BOARD_MISSING =
  'the virtual board is not built: run `scripts/firmware-board.sh` (npm run board) once, or set MINNOW_BOARD_BIN';

export interface VirtualBoardOptions {
  readonly binary?: string;
  /** Heap figures the board reports (--heap, --largest). */
  readonly heap?: number;
  readonly largest?: number;
}

/**
 * The Minnow firmware as the emulated board runs it: the virtual board process (docs/PROTOCOL.md server in C)
 * with the flash's model partition as its model file, its stdin/stdout joined to the serial line.
 */
export function virtualBoardFirmware(options: VirtualBoardOptions = {}): FirmwareFactory {
  const binary = options.binary ?? findVirtualBoard();
  if (!binary) throw new Error(VIRTUAL_BOARD_MISSING);
  return (context) => startVirtualBoard(binary, context, options);
}

function startVirtualBoard(
  binary: string,
  context: FirmwareContext,
  options: VirtualBoardOptions,
): FirmwareBackend {
  const dir = mkdtempSync(join(tmpdir(), 'minnow-board-'));
  const modelFile = join(dir, 'model.bin');
  writeFileSync(modelFile, context.model ?? new Uint8Array(0));
  const args = [modelFile, '--chip', context.chip.id];
  if (options.heap !== undefined) args.push('--heap', String(options.heap));
  if (options.largest !== undefined) args.push('--largest', String(options.largest));
  const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  let stopped = false;
  child.stdout.on('data', (chunk: Buffer) => context.output(new Uint8Array(chunk)));
  child.stdin.on('error', () => undefined);
  child.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return {
    write(bytes) {
      if (!stopped) child.stdin.write(bytes);
    },
    stop() {
      stopped = true;
      child.kill();
    },
  };
}
