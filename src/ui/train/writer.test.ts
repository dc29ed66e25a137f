import { describe, expect, it } from 'vitest';
import { readBlob } from '../../core/blob/reader.ts';
import { encodeUtf8 } from '../../core/blob/utf8.ts';
import { generateGreedy } from '../../core/reference/generate.ts';
import { prepare } from '../../core/reference/interpreter.ts';
import { sampleTokens } from '../../core/reference/sample.ts';
import { charBlob } from './test-char-model.ts';
import { startWriting, writeText, type BatchOptions } from './writer.ts';

const program = prepare(readBlob(charBlob()));
const arena = () => new Uint8Array(program.blob.header.arenaSize);
const prompt = [...encodeUtf8('The ')];

function batches(batch: number, stopAfter = Infinity) {
  const seen: number[][] = [];
  const options: BatchOptions = {
    batch,
    onBatch: (tokens) => seen.push([...tokens]),
    stopped: () => seen.length >= stopAfter,
    pause: () => Promise.resolve(),
    now: () => 0,
  };
  return { seen, options };
}

describe('writing on the page in batches', () => {
  it('[P-16] at temperature 0 writes what the greedy loop writes, token for token', async () => {
    const { seen, options } = batches(7);
    const tokens = await writeText(program, { prompt: 'The ', length: 40, temperature: 0, seed: 9 }, options);
    expect(tokens).toEqual(generateGreedy(program, arena(), prompt, 40));
    // 40 tokens in batches of 7: six batches, the last one of 5, each seeing all the tokens so far.
    expect(seen.map((s) => s.length)).toEqual([7, 14, 21, 28, 35, 40]);
    expect(new Set(tokens).size).toBeGreaterThan(1);
  });

  it('with a temperature, the batches draw the same text as one call of sampleTokens with that seed', async () => {
    const request = { prompt: 'The ', length: 30, temperature: 0.9, seed: 4 };
    const tokens = await writeText(program, request, batches(4).options);
    expect(tokens).toEqual(sampleTokens(program, arena(), prompt, 30, request));
    const other = await writeText(program, { ...request, seed: 5 }, batches(4).options);
    expect(other).not.toEqual(tokens);
  });

  it('stops between batches when asked, keeping what was written', async () => {
    const { seen, options } = batches(5, 2);
    const tokens = await writeText(program, { prompt: 'a', length: 100, temperature: 1, seed: 1 }, options);
    expect(tokens).toHaveLength(10);
    expect(seen).toHaveLength(2);
  });

  it('restarts from a clear state each time, so the same request writes the same text', () => {
    const first = startWriting(program, prompt, { temperature: 0, seed: 1 });
    const a = first.next(12);
    startWriting(program, [...encodeUtf8('something else entirely')], { temperature: 0, seed: 1 }).next(12);
    expect(startWriting(program, prompt, { temperature: 0, seed: 1 }).next(12)).toEqual(a);
  });

  it('measures only the time spent computing, not the pauses', async () => {
    let clock = 0;
    const times: number[] = [];
    await writeText(
      program,
      { prompt: 'x', length: 6, temperature: 0, seed: 1 },
      {
        batch: 3,
        onBatch: (_, ms) => times.push(ms),
        stopped: () => false,
        pause: async () => {
          clock += 1000;
        },
        now: () => (clock += 2),
      },
    );
    expect(times).toEqual([2, 4]);
  });
});
