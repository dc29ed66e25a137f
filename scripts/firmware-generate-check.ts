/**
 * Streams text from the virtual board: compiles the character language model of scripts/char-lm.ts
 * (Embedding(256, 64), GRU(64) keeping its state between runs, Dense(256); ternary weights everywhere,
 * seeded random weights), sends `generate` with the TypeScript codec and checks that the `tok` frames carry
 * exactly the tokens that the core/reference greedy loop produces. Then `selftest`, with the state that
 * generation left, must pass: the board clears the state before the test vector (F-19, F-69).
 *
 *   npx tsx scripts/firmware-generate-check.ts <mn_board> <out-dir>
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBlob } from '../src/core/blob/reader.ts';
import {
  decodeGenerate,
  decodeSelfTest,
  decodeToken,
  encodeFrame,
  encodeGenerate,
  FrameScanner,
  type Frame,
} from '../src/core/protocol/index.ts';
import { generateGreedy } from '../src/core/reference/generate.ts';
import { prepare } from '../src/core/reference/interpreter.ts';
import { charLmBlob } from './char-lm.ts';

async function main(): Promise<void> {
  const [board, dir] = process.argv.slice(2);
  if (!board || !dir) throw new Error('usage: firmware-generate-check.ts <mn_board> <out-dir>');
  const blob = charLmBlob(true);
  const file = join(dir, 'char-lm.bin');
  writeFileSync(file, blob);
  const prompt = [...'Once upon a time'].map((c) => c.charCodeAt(0));
  const count = 48;
  const program = prepare(readBlob(blob));
  const want = generateGreedy(program, new Uint8Array(program.blob.header.arenaSize), prompt, count);
  const child = spawn(board, [file], { stdio: ['pipe', 'pipe', 'inherit'] });
  const scanner = new FrameScanner();
  const frames: Frame[] = [];
  let wake: (() => void) | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    frames.push(...scanner.push(new Uint8Array(chunk)));
    wake?.();
  });
  /** Sends a request and waits for its final reply (P-8). */
  const ask = async (seq: number, kind: string, payload: Uint8Array): Promise<void> => {
    child.stdin.write(encodeFrame({ version: 1, seq, kind, payload }));
    const deadline = Date.now() + 20_000;
    while (!frames.some((f) => f.seq === seq && (f.kind === kind || f.kind === 'err'))) {
      if (Date.now() > deadline) throw new Error(`no final ${kind} reply`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 1000);
      });
    }
  };
  await ask(5, 'generate', encodeGenerate(count, prompt));
  await ask(6, 'selftest', new Uint8Array(0));
  child.stdin.end();
  const replies = frames.filter((f) => f.seq === 5);
  const final = replies.at(-1);
  if (final?.kind !== 'generate') throw new Error(`board answered ${final?.kind}`);
  const got = replies.filter((f) => f.kind === 'tok').map((f) => decodeToken(f.payload));
  const same = got.length === count && got.every((t, i) => t.index === i && t.token === want[i]);
  const result = decodeGenerate(final.payload);
  const selftest = frames.find((f) => f.seq === 6 && (f.kind === 'selftest' || f.kind === 'err'));
  const passed = selftest?.kind === 'selftest' && decodeSelfTest(selftest.payload).pass;
  console.log(
    `board generate: ${blob.length}-byte char-LM, ${got.length} tokens ` +
      `${same ? 'identical to the core/reference greedy loop' : 'DIFFER'} over ${result.runs} runs; ` +
      `selftest after it ${passed ? 'passed' : 'FAILED'}`,
  );
  if (!same || result.tokens !== count || !passed) process.exit(1);
}

await main();
