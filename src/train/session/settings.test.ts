import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import { errorCode } from '../test-support.ts';
import { EarlyStopping } from './early-stop.ts';
import { formatDuration, progressOf } from './progress.ts';
import { defaultSettings, parseSettings } from './settings.ts';

const example = (name: string) =>
  analyzeModel(
    JSON.parse(
      readFileSync(fileURLToPath(new URL(`../../../examples/${name}.json`, import.meta.url)), 'utf8'),
    ),
  );

describe('training settings', () => {
  it('default per template: a higher rate and early stopping for sine, few epochs for the digit models', () => {
    expect(defaultSettings(example('sine'))).toMatchObject({
      learningRate: 0.01,
      earlyStopping: { enabled: true },
    });
    expect(defaultSettings(example('mnist-mlp'))).toMatchObject({
      optimizer: 'adam',
      epochs: 5,
      batchSize: 32,
    });
    expect(defaultSettings(example('image-cnn')).epochs).toBe(8);
  });

  it('train in float by default, and models with packed weights on their grid', () => {
    expect(defaultSettings(example('mnist-mlp')).quantAware).toBe(false);
    expect(defaultSettings(example('char-lm'))).toMatchObject({
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 16,
      quantAware: true,
    });
    // Any model with a layer packed below int8 trains on its grid by default, a template's too.
    const mlp = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../../examples/mnist-mlp.json', import.meta.url)), 'utf8'),
    ) as { layers: Record<string, unknown>[] };
    mlp.layers[1] = { ...mlp.layers[1], packing: 'int4' };
    expect(defaultSettings(analyzeModel(mlp))).toMatchObject({ quantAware: true, epochs: 5 });
    const base = defaultSettings(example('mnist-mlp'));
    expect(parseSettings({ quantAware: true }, base).quantAware).toBe(true);
    const bad = (() => {
      try {
        parseSettings({ quantAware: 1 } as never, base);
      } catch (e) {
        return e as Error & { hint: string };
      }
    })();
    expect(bad?.message).toMatch(/quantAware/);
    expect(bad?.hint).toMatch(/packed weights/);
  });

  it('merge user values over the defaults and refuse bad ones, naming the setting', () => {
    const base = defaultSettings(example('mnist-mlp'));
    expect(
      parseSettings({ epochs: 2, earlyStopping: { enabled: true, patience: 2, minDelta: 0 } }, base),
    ).toMatchObject({
      epochs: 2,
      batchSize: 32,
      earlyStopping: { enabled: true, patience: 2 },
    });
    for (const bad of [
      { batchSize: 0 },
      { learningRate: -1 },
      { epochs: 1.5 },
      { validationSplit: 0.9 },
      { optimizer: 'magic' },
      { quantAware: 'yes' },
    ]) {
      expect(
        errorCode(() => parseSettings(bad as never, base)),
        JSON.stringify(bad),
      ).toBe(650);
    }
  });
});

describe('progress and ETA', () => {
  it('extrapolates the rate so far to the samples left', () => {
    expect(progressOf(250, 1000, 5000)).toEqual({ fraction: 0.25, etaMs: 15_000, samplesPerSecond: 50 });
    expect(progressOf(0, 1000, 0)).toEqual({ fraction: 0, etaMs: null, samplesPerSecond: 0 });
  });

  it('prints durations for people', () => {
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
  });
});

describe('early stopping', () => {
  it('stops after `patience` epochs without an improvement of at least minDelta', () => {
    const stop = new EarlyStopping(2, 0.01);
    expect([1, 0.5, 0.495, 0.6].map((loss) => stop.shouldStop(loss))).toEqual([false, false, false, true]);
  });
});
