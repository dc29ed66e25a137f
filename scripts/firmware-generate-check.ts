/**
 * Streams text from the virtual board: compiles a character language model (Embedding(256, 64), GRU(64)
 * keeping its state between runs, Dense(256); ternary GRU and Dense weights, seeded random weights), sends `generate`
 * with the TypeScript codec and checks that the `tok` frames carry exactly the tokens that the
 * core/reference greedy loop produces.
 *
 *   npx tsx scripts/firmware-generate-check.ts <mn_board> <out-dir>
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBlob } from '../src/core/blob/reader.ts';
import {
  decodeGenerate,
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
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no final generate reply')), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      frames.push(...scanner.push(new Uint8Array(chunk)));
      if (frames.some((f) => f.seq === 5 && (f.kind === 'generate' || f.kind === 'err'))) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  child.stdin.write(
    encodeFrame({ version: 1, seq: 5, kind: 'generate', payload: encodeGenerate(count, prompt) }),
  );
  await done;
  child.stdin.end();
  const replies = frames.filter((f) => f.seq === 5);
  const final = replies.at(-1);
  if (final?.kind !== 'generate') throw new Error(`board answered ${final?.kind}`);
  const got = replies.filter((f) => f.kind === 'tok').map((f) => decodeToken(f.payload));
  const same = got.length === count && got.every((t, i) => t.index === i && t.token === want[i]);
  const result = decodeGenerate(final.payload);
  console.log(
    `board generate: ${blob.length}-byte char-LM, ${got.length} tokens ` +
      `${same ? 'identical to the core/reference greedy loop' : 'DIFFER'} over ${result.runs} runs`,
  );
  if (!same || result.tokens !== count) process.exit(1);
}

await main();
