import * as tf from '@tensorflow/tfjs';
import { BatchTap } from './batch-tap.ts';
import { EarlyStopping } from './early-stop.ts';
import { progressOf, type Progress } from './progress.ts';
import type { TrainSettings } from './settings.ts';

export interface BatchMetrics {
  readonly epoch: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly loss: number;
  readonly metric: number | null;
}

export interface EpochMetrics {
  readonly epoch: number;
  readonly loss: number;
  readonly metric: number | null;
  readonly valLoss: number | null;
  readonly valMetric: number | null;
}

export interface TrainerHooks {
  batch(metrics: BatchMetrics, progress: Progress): void;
  epoch(metrics: EpochMetrics): void;
}

export interface TrainTensors {
  readonly x: tf.Tensor;
  readonly y: tf.Tensor;
  readonly xVal: tf.Tensor;
  readonly yVal: tf.Tensor;
}

/** How often the run hands control back to take pause and stop requests. */
const YIELD_EVERY_MS = 100;

const num = (logs: tf.Logs | undefined, key: string) =>
  typeof logs?.[key] === 'number' ? (logs[key] as number) : null;

export type TrainEnd = 'finished' | 'stopped' | 'early-stopped' | 'diverged';

export interface RunResult {
  readonly end: TrainEnd;
  /** Epochs completed, counting earlier runs that this one resumed. */
  readonly epochsDone: number;
  readonly samplesPerSecond: number;
  /** Where the loss stopped being finite, for a diverged run. */
  readonly divergedAt?: { readonly epoch: number; readonly loss: number };
}

/**
 * One training run with tfjs `fit`. Pausing holds the run inside the yield callback (tfjs awaits it), so
 * it resumes exactly where it was; stopping ends it after the current batch.
 */
export class Trainer {
  private gate: { promise: Promise<void>; open: () => void } | undefined;
  private stopping = false;
  private pausedMs = 0;

  constructor(
    private readonly model: tf.LayersModel,
    private readonly data: TrainTensors,
    private readonly settings: TrainSettings,
    private readonly metricKey: string,
    private readonly hooks: TrainerHooks,
  ) {}

  pause(): void {
    if (this.gate) return;
    let open = () => {};
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.gate = { promise, open };
  }

  resume(): void {
    this.gate?.open();
    this.gate = undefined;
  }

  /** While paused: a promise that settles on resume (or stop), the pause left out of the ETA. */
  private holdWhilePaused(): Promise<void> | undefined {
    const gate = this.gate;
    if (!gate) return undefined;
    const pausedAt = performance.now();
    return gate.promise.then(() => void (this.pausedMs += performance.now() - pausedAt));
  }

  stop(): void {
    this.stopping = true;
    this.model.stopTraining = true;
    this.resume();
  }

  /** Trains epochs fromEpoch … toEpoch − 1 (counting from 0, as tfjs does). */
  async run(fromEpoch: number, toEpoch: number): Promise<RunResult> {
    const samples = this.data.x.shape[0] ?? 0;
    const { batchSize } = this.settings;
    const batchesPerEpoch = Math.ceil(samples / batchSize);
    const total = (toEpoch - fromEpoch) * samples;
    const early = this.settings.earlyStopping.enabled
      ? new EarlyStopping(this.settings.earlyStopping.patience, this.settings.earlyStopping.minDelta)
      : undefined;
    const started = performance.now();
    const activeMs = () => performance.now() - started - this.pausedMs;
    const doneAt = (epoch: number, batch: number) =>
      (epoch - fromEpoch) * samples + Math.min(samples, (batch + 1) * batchSize);
    let done = 0;
    let epochsDone = fromEpoch;
    let end: TrainEnd = 'finished';
    let divergedAt: RunResult['divergedAt'];
    const diverge = (loss: number, epoch: number) => {
      end = 'diverged';
      divergedAt = { epoch: epoch + 1, loss };
      this.model.stopTraining = true;
    };
    const tap = new BatchTap(
      ['loss', this.metricKey],
      (epoch, batch, values) => {
        const loss = values.loss ?? NaN;
        if (!Number.isFinite(loss) && end !== 'diverged') diverge(loss, epoch);
        done = Math.max(done, doneAt(epoch, batch));
        const metrics = { epoch, batch, batchesPerEpoch, loss, metric: values[this.metricKey] ?? null };
        this.hooks.batch(metrics, progressOf(done, total, activeMs()));
      },
      () => this.holdWhilePaused(),
    );
    const control = new tf.CustomCallback(
      {
        // The regular yield lets pause and stop requests in. A macrotask rather than tfjs's default
        // animation frame: a worker has no frames to wait for.
        nextFrameFunc: () => new Promise((resolve) => setTimeout(resolve, 0)),
        onEpochEnd: (e, logs) => {
          if (end === 'diverged') return;
          const loss = num(logs, 'loss') ?? NaN;
          if (!Number.isFinite(loss)) return diverge(loss, e);
          epochsDone = e + 1;
          done = Math.max(done, doneAt(e, batchesPerEpoch - 1));
          const valLoss = num(logs, 'val_loss');
          const valMetric = num(logs, `val_${this.metricKey}`);
          this.hooks.epoch({ epoch: e, loss, metric: num(logs, this.metricKey), valLoss, valMetric });
          if (this.stopping) end = 'stopped';
          else if (early && valLoss !== null && early.shouldStop(valLoss)) {
            end = 'early-stopped';
            this.model.stopTraining = true;
          }
        },
      },
      YIELD_EVERY_MS,
    );
    await this.model.fit(this.data.x, this.data.y, {
      batchSize,
      epochs: toEpoch,
      initialEpoch: fromEpoch,
      shuffle: true,
      validationData: [this.data.xVal, this.data.yVal],
      verbose: 0,
      callbacks: [tap, control],
    });
    await tap.flush();
    if (this.stopping && end === 'finished') end = 'stopped';
    const samplesPerSecond = (done / Math.max(1, activeMs())) * 1000;
    return { end, epochsDone, samplesPerSecond, ...(divergedAt ? { divergedAt } : {}) };
  }
}
