import { describe, expect, it } from 'vitest';
import { MinnowError } from '../../core/errors.ts';
import type { WorkerEvent } from '../../train/worker/protocol.ts';
import { INITIAL_VIEW, reduce, type ViewAction } from './training-state.ts';

const batch = (epoch: number, b: number, loss: number): ViewAction => ({
  type: 'event',
  event: {
    type: 'batch',
    metrics: { epoch, batch: b, batchesPerEpoch: 3, loss, metric: 0.5 },
    progress: { fraction: 0.1, etaMs: 1000, samplesPerSecond: 100 },
  },
});
const epoch = (e: number, valMetric: number): ViewAction => ({
  type: 'event',
  event: { type: 'epoch', metrics: { epoch: e, loss: 1, metric: 0.5, valLoss: 1, valMetric } } as WorkerEvent,
});

describe('the training view', () => {
  it('numbers batches across epochs and keeps the newest metrics of each epoch', () => {
    const view = [batch(0, 0, 2), batch(0, 2, 1.5), batch(1, 1, 1), epoch(0, 0.6), epoch(0, 0.7)].reduce(
      reduce,
      INITIAL_VIEW,
    );
    expect(view.batches.map((b) => b.step)).toEqual([0, 2, 4]);
    expect(view.epochs.map((e) => e.valMetric)).toEqual([0.7]);
    expect(view.progress).toMatchObject({ epoch: 1, batchesPerEpoch: 3 });
  });

  it('clears the curves when training starts over but keeps them when it continues', () => {
    const trained = [batch(0, 0, 2), epoch(0, 0.6)].reduce(reduce, INITIAL_VIEW);
    expect(reduce(trained, { type: 'train-start', resume: true }).batches).toHaveLength(1);
    expect(reduce(trained, { type: 'train-start', resume: false }).batches).toHaveLength(0);
    expect(reduce(trained, { type: 'train-start', resume: false }).epochs).toHaveLength(0);
  });

  it('keeps chosen settings when the same model is edited, and shows errors until the next action', () => {
    const settings = { ...INITIAL_VIEW, settings: { epochs: 3 } } as unknown as typeof INITIAL_VIEW;
    expect(reduce(settings, { type: 'init', keepSettings: true }).settings).toEqual({ epochs: 3 });
    expect(reduce(settings, { type: 'init', keepSettings: false }).settings).toBeNull();
    const failed = reduce(INITIAL_VIEW, { type: 'failed', error: new MinnowError('TRAIN_NO_DATA') });
    expect(failed.error?.message).toMatch(/no data set/);
    expect(reduce(failed, { type: 'loading-data' }).error).toBeNull();
  });
});
