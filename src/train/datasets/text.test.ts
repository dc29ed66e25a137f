import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MinnowError } from '../../core/errors.ts';
import { analyzeModel } from '../../core/model/analyze.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { errorCode } from '../test-support.ts';
import { loadSource, type DataLoaders } from './load.ts';
import { MAX_TEXT_BYTES, MAX_WINDOWS, textWindows, tokenName } from './text.ts';

const example = (name: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../../examples/${name}.json`, import.meta.url)), 'utf8'),
  ) as ModelSpec;

const labelsOf = (d: ReturnType<typeof textWindows>['dataset']) =>
  d.target.kind === 'classes' ? Array.from(d.target.labels) : [];

describe('[D-6] textWindows', () => {
  it('cuts windows of byte ids, each labelled with the byte after it, one every stride', () => {
    const { dataset } = textWindows('abcdefg', 'abc.txt', { window: 3, stride: 2 });
    // Starts 0, 2 (a window needs its 3 bytes and one more): "abc"→d, "cde"→f.
    expect(dataset.count).toBe(2);
    expect(dataset.sampleShape).toEqual([3]);
    expect(Array.from(dataset.x)).toEqual([97, 98, 99, 99, 100, 101]);
    expect(labelsOf(dataset)).toEqual([100, 102]);
    expect(dataset.overlap).toBe(1);
  });

  it('reads the text as UTF-8 bytes and names the 256 classes by the character they stand for', () => {
    const { dataset } = textWindows('é a\n', 'utf8.txt', { window: 2 });
    // é is C3 A9 in UTF-8.
    expect(Array.from(dataset.x)).toEqual([0xc3, 0xa9, 0xa9, 0x20, 0x20, 0x61]);
    expect(labelsOf(dataset)).toEqual([0x20, 0x61, 0x0a]);
    const names = dataset.target.kind === 'classes' ? dataset.target.names : [];
    expect(names).toHaveLength(256);
    expect([10, 32, 65, 126, 9, 127, 0x9c].map((b) => names[b])).toEqual([
      '⏎',
      '␣',
      'A',
      '~',
      'x09',
      'x7f',
      'x9c',
    ]);
    expect(names.map((_, b) => tokenName(b))).toEqual(names);
  });

  it('takes windows of 32 one byte apart by default, and a larger stride for a long text', () => {
    const short = textWindows('x'.repeat(100), 'short.txt').dataset;
    expect(short.sampleShape).toEqual([32]);
    expect(short.count).toBe(100 - 32);
    const long = textWindows('hello world '.repeat(50_000), 'long.txt').dataset;
    expect(long.count).toBeLessThanOrEqual(MAX_WINDOWS);
    expect(long.count).toBeGreaterThan(MAX_WINDOWS * 0.95);
    // Stride ⌈(600,000 − 32) / 20,000⌉ = 30: the second window starts at byte 30.
    expect(long.x[32]).toBe('hello world '.charCodeAt(30 % 12));
  });

  it('refuses empty, blank, too short and too long texts and bad windows with coded errors', () => {
    const code = (text: string, options = {}) => errorCode(() => textWindows(text, 't.txt', options));
    expect(code('')).toBe(660);
    expect(code(' \n\t \r\n')).toBe(660);
    expect(code(undefined as unknown as string)).toBe(660);
    expect(code('a'.repeat(32))).toBe(661);
    expect(code('abcd', { window: 4 })).toBe(661);
    expect(code('a'.repeat(MAX_TEXT_BYTES + 1))).toBe(662);
    // Fewer characters than the limit, but two bytes each.
    expect(code('é'.repeat(MAX_TEXT_BYTES / 2 + 1))).toBe(662);
    for (const window of [0, -1, 1.5, Number.NaN, 10_000]) expect(code('abcdef', { window })).toBe(663);
    expect(code('abcdef', { window: 2, stride: 0 })).toBe(663);
    const error = (() => {
      try {
        textWindows('abc', 'poem.txt');
      } catch (e) {
        return e as MinnowError;
      }
    })();
    expect(error?.message).toMatch(/"poem.txt" has 3 bytes.*need 33/);
  });

  it('gives the same windows whatever garbage bytes the text holds', () => {
    const text = String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 37) % 0xffff)); // lone surrogates too
    const { dataset } = textWindows(text, 'noise.txt', { window: 8 });
    expect(dataset.x.every((v) => Number.isInteger(v) && v >= 0 && v < 256)).toBe(true);
    expect(labelsOf(dataset).every((v) => v >= 0 && v < 256)).toBe(true);
  });
});

describe('[D-7] loading text for a model', () => {
  const loaders = {} as DataLoaders;
  const source = {
    kind: 'text',
    name: 'fox.txt',
    text: 'the quick brown fox jumps over the lazy dog. '.repeat(4),
  } as const;

  it('checks windows against the window model of a token stream, not its one-token input', async () => {
    const loaded = await loadSource({ ...source, window: 12 }, analyzeModel(example('char-lm')), loaders);
    expect(loaded.dataset.sampleShape).toEqual([12]);
    expect(loaded.dataset.count).toBe(180 - 12);
  });

  it('refuses a model that does not read one token at a time, saying what it lacks', async () => {
    const refused = await loadSource(source, analyzeModel(example('mnist-mlp')), loaders).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(MinnowError);
    expect((refused as MinnowError).code).toBe(664);
    expect((refused as MinnowError).message).toMatch(/"mnist-mlp" takes an input of shape \[28, 28, 1\]/);
    expect((refused as MinnowError).hint).toMatch(/char-lm/);
  });

  it('refuses a character model whose output does not give 256 classes', async () => {
    const spec = example('char-lm');
    const narrow = {
      ...spec,
      layers: spec.layers.map((l) => (l.id === 'logits' ? { ...l, units: 128 } : l)),
    };
    const refused = await loadSource(source, analyzeModel(narrow), loaders).catch((e: unknown) => e);
    expect((refused as MinnowError).code).toBe(645);
  });
});
