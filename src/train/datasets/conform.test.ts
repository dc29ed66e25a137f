import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { conformDataset } from './conform.ts';
import { sineDataset } from './sine.ts';
import { summarize } from './summary.ts';
import { errorCode } from '../test-support.ts';
import type { Dataset } from './types.ts';

const model = (units: number, activation: string, input = [4]): ModelSpec => ({
  format: 'minnow-model',
  version: 1,
  name: 't',
  input: { shape: input.length === 1 ? [...input, 1] : input },
  layers: [
    { id: 'flat', type: 'Flatten' },
    { id: 'out', type: 'Dense', units, activation },
  ],
});

const classes = (names: string[], sampleShape = [4]): Dataset => ({
  name: 'c',
  sampleShape,
  count: names.length,
  x: new Float32Array(names.length * sampleShape.reduce((a, b) => a * b, 1)),
  target: { kind: 'classes', names, labels: Int32Array.from(names, (_, i) => i) },
});

describe('conformDataset', () => {
  it('accepts matching classes, and two classes on one sigmoid unit', () => {
    expect(conformDataset(classes(['a', 'b', 'c']), analyzeModel(model(3, 'softmax')))).toBeTruthy();
    expect(conformDataset(classes(['a', 'b']), analyzeModel(model(1, 'sigmoid')))).toBeTruthy();
  });

  it('reshapes samples with the same number of values to the model input', () => {
    const d = conformDataset(classes(['a', 'b'], [4]), analyzeModel(model(2, 'softmax', [2, 2])));
    expect(d.sampleShape).toEqual([2, 2]);
  });

  it('refuses wrong sample sizes and wrong output sizes, naming the output layer', () => {
    expect(errorCode(() => conformDataset(classes(['a', 'b'], [5]), analyzeModel(model(2, 'softmax'))))).toBe(
      644,
    );
    expect(
      errorCode(() => conformDataset(classes(['a', 'b', 'c']), analyzeModel(model(10, 'softmax')))),
    ).toBe(645);
    expect(errorCode(() => conformDataset(classes(['a', 'b', 'c']), analyzeModel(model(1, 'sigmoid'))))).toBe(
      645,
    );
    expect(
      errorCode(() => conformDataset(sineDataset({ count: 4 }), analyzeModel(model(2, 'linear', [1])))),
    ).toBe(645);
  });
});

describe('summarize', () => {
  it('counts classes and previews a few samples of each, in class order', () => {
    const names = ['a', 'b', 'a', 'a', 'a', 'b'];
    const d: Dataset = {
      ...classes(['a', 'b']),
      count: 6,
      x: new Float32Array(24),
      target: {
        kind: 'classes',
        names: ['a', 'b'],
        labels: Int32Array.from(names, (n) => (n === 'a' ? 0 : 1)),
      },
    };
    const s = summarize(d, { issues: [], issueCount: 0, notes: [] });
    expect(s.classCounts).toEqual([4, 2]);
    expect(s.previews.map((p) => `${p.index}${p.label}`)).toEqual(['0a', '2a', '3a', '1b', '5b']);
  });

  it('plots (x, y) points of a one-input regression', () => {
    const s = summarize(sineDataset({ count: 1000 }), { issues: [], issueCount: 0, notes: [] });
    expect(s.points.length).toBeGreaterThan(100);
    expect(s.points.length).toBeLessThanOrEqual(300);
  });
});
