/**
 * Talks to the virtual board the way the app will: spawns mn_board on a compiled example, sends `info`,
 * `run` (the golden input) and `selftest` with the TypeScript frame codec, and checks the answers against
 * the golden output computed by core/reference.
 *
 *   npx tsx scripts/firmware-board-check.ts <mn_board> <golden-dir> <case-name>
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeChunk,
  decodeInfo,
  decodeRun,
  decodeSelfTest,
  encodeChunk,
  encodeFrame,
  FrameScanner,
  MAX_PAYLOAD,
  type Frame,
} from '../src/core/protocol/index.ts';

async function main(): Promise<void> {
  const [board, dir, name] = process.argv.slice(2);
  if (!board || !dir || !name)
    throw new Error('usage: firmware-board-check.ts <mn_board> <golden-dir> <case>');
  const child = spawn(board, [join(dir, `${name}.bin`)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const scanner = new FrameScanner();
  const frames: Frame[] = [];
  let wake: (() => void) | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    frames.push(...scanner.push(new Uint8Array(chunk)));
    wake?.();
  });
  /** Sends a request and collects its replies up to the final one (P-8). */
  const ask = async (seq: number, kind: string, payload = new Uint8Array(0)): Promise<Frame[]> => {
    child.stdin.write(`log noise before the frame ${encodeFrame({ version: 1, seq, kind, payload })}`);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const last = frames.findIndex((f) => f.seq === seq && (f.kind === kind || f.kind === 'err'));
      if (last >= 0) return frames.splice(0, last + 1).filter((f) => f.seq === seq);
      if (Date.now() > deadline) throw new Error(`no reply to ${kind}`);
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  const info = decodeInfo((await ask(1, 'info')).at(-1)?.payload ?? new Uint8Array(0));
  if (info.modelStatus !== 0 || !info.model) throw new Error(`board has no model: E${info.modelStatus}`);
  const input = readFileSync(join(dir, `${name}.in`));
  const want = readFileSync(join(dir, `${name}.out`));
  // Inputs too large for one frame go in place with `load` chunks first (P-12), then `run` without payload.
  const direct = input.length <= MAX_PAYLOAD;
  for (let offset = 0, seq = 10; !direct && offset < input.length; offset += MAX_PAYLOAD - 4, seq++) {
    const chunk = encodeChunk(offset, new Uint8Array(input.subarray(offset, offset + MAX_PAYLOAD - 4)));
    const reply = (await ask(seq, 'load', new Uint8Array(chunk))).at(-1);
    if (reply?.kind !== 'load') throw new Error(`load at ${offset} failed`);
  }
  const replies = await ask(2, 'run', direct ? new Uint8Array(input) : new Uint8Array(0));
  const output = new Uint8Array(want.length);
  for (const f of replies.filter((r) => r.kind === 'out')) {
    const { offset, bytes } = decodeChunk(f.payload, 'out');
    output.set(bytes, offset);
  }
  const run = decodeRun(replies.at(-1)?.payload ?? new Uint8Array(0));
  const same = Buffer.from(output).equals(want);
  const selftest = decodeSelfTest((await ask(3, 'selftest')).at(-1)?.payload ?? new Uint8Array(0));
  child.stdin.end();
  console.log(
    `board ${info.chip}: model "${info.model.name}" arena ${info.model.arenaBytes} B; run output ` +
      `${same ? 'identical to core/reference' : 'DIFFERS'}, arena used ${run.arenaUsed} B; selftest ` +
      `${selftest.pass ? 'passed' : 'FAILED'}`,
  );
  if (!same || !selftest.pass) process.exit(1);
}

await main();
