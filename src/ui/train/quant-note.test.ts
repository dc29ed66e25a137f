import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import { layerPackings } from '../../core/quant/packing.ts';
import { quantAwareNote } from './quant-note.ts';

const charLm: unknown = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'char-lm.json'), 'utf8'),
);

describe('the quantization-aware training note', () => {
  it('[M-11] names the packed layers of the char-LM template by their packing', () => {
    expect(quantAwareNote(layerPackings(analyzeModel(charLm)))).toBe(
      'gru, logits are ternary: train with their rounding so accuracy holds.',
    );
  });

  it('groups layers of different packings, one verb each', () => {
    expect(quantAwareNote({ conv1: 'int4', gru: 'ternary', fc: 'int4' })).toBe(
      'conv1, fc are int4; gru is ternary: train with their rounding so accuracy holds.',
    );
  });

  it('says that int8-only models gain little', () => {
    expect(quantAwareNote({})).toMatch(/^All weights are int8/);
    expect(quantAwareNote({ fc: 'int8' })).toMatch(/^All weights are int8/);
  });
});
