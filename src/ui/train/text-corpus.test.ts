import { describe, expect, it } from 'vitest';
import { textWindows, windowCount } from '../../train/datasets/text.ts';
import { SAMPLE_TEXT } from './sample-text.ts';
import {
  corpusKey,
  loadCorpus,
  measureCorpus,
  saveCorpus,
  textSource,
  type CorpusStorage,
} from './text-corpus.ts';

function mapStorage(): CorpusStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const refusing: CorpusStorage = {
  getItem: () => {
    throw new Error('denied');
  },
  setItem: () => {
    throw new Error('quota exceeded');
  },
  removeItem: () => {},
};

describe('the text a character model learns from', () => {
  it('counts UTF-8 bytes and characters apart', () => {
    // "river " is 6 one-byte characters; "é" and "ü" take two bytes each, "🐟" four (two UTF-16 units).
    const size = measureCorpus('river éü🐟');
    expect(size.characters).toBe(9);
    expect(size.bytes).toBe(6 + 2 + 2 + 4);
  });

  it('counts as many windows as the training worker cuts, short and long texts alike', () => {
    for (const text of [SAMPLE_TEXT, SAMPLE_TEXT.slice(0, 33), SAMPLE_TEXT.repeat(120)]) {
      const size = measureCorpus(text);
      expect(size.windows).toBe(textWindows(text, 't').dataset.count);
    }
    expect(measureCorpus(SAMPLE_TEXT.repeat(120)).stride).toBeGreaterThan(1);
  });

  it('counts windows by hand: each needs its bytes and one more to be its label', () => {
    expect(windowCount(32, 32, 1)).toBe(0);
    expect(windowCount(33, 32, 1)).toBe(1);
    expect(windowCount(40, 32, 1)).toBe(8);
    expect(windowCount(40, 32, 3)).toBe(3); // starts 0, 3, 6 (6 + 32 = 38 < 40; 9 + 32 = 41 is past it)
    expect(measureCorpus('').windows).toBe(0);
  });

  it('the sample is a few KB of plain ASCII prose, every byte one character', () => {
    const size = measureCorpus(SAMPLE_TEXT);
    expect(size.bytes).toBeGreaterThan(2500);
    expect(size.bytes).toBeLessThan(8000);
    expect(size.characters).toBe(size.bytes);
  });

  it('is loaded as a text source under its name', () => {
    expect(textSource('notes.txt', 'abc')).toEqual({ kind: 'text', name: 'notes.txt', text: 'abc' });
  });

  it('is kept per project, and cleared when emptied', () => {
    const storage = mapStorage();
    expect(saveCorpus(storage, 'p1', 'first')).toBe(true);
    expect(saveCorpus(storage, 'p2', 'second')).toBe(true);
    expect(loadCorpus(storage, 'p1')).toBe('first');
    expect(loadCorpus(storage, 'p2')).toBe('second');
    expect(storage.map.get(corpusKey('p1'))).toBe('first');
    saveCorpus(storage, 'p1', '');
    expect(storage.map.has(corpusKey('p1'))).toBe(false);
    expect(loadCorpus(storage, 'p3')).toBe('');
  });

  it('does without storage that refuses or is missing', () => {
    expect(saveCorpus(refusing, 'p', 'text')).toBe(false);
    expect(loadCorpus(refusing, 'p')).toBe('');
    expect(saveCorpus(null, 'p', 'text')).toBe(false);
    expect(loadCorpus(null, 'p')).toBe('');
  });
});
