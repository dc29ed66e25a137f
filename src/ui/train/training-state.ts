import type { BackendInfo } from '../../train/backend.ts';
import type { DatasetSummary } from '../../train/datasets/summary.ts';
import type { QuantReport } from '../../train/quantize/evaluate.ts';
import type { Progress } from '../../train/session/progress.ts';
import type { TrainSettings } from '../../train/session/settings.ts';
import type { EpochMetrics, TrainEnd } from '../../train/session/trainer.ts';
import type { ReadyInfo, TrainerState, WorkerEvent } from '../../train/worker/protocol.ts';
import type { TrainingRecord } from '../../state/index.ts';
import { showsSavedReport } from './saved-run.ts';

/** What the training workspace shows; changed only through `reduce`, so it can be tested without React. */
export interface TrainingView {
  readonly ready: boolean;
  readonly busy: 'data' | 'init' | null;
  readonly state: TrainerState;
  readonly backend: BackendInfo | null;
  readonly settings: TrainSettings | null;
  readonly dataset: DatasetSummary | null;
  /** Loss and metric after every batch, by global batch number. */
  readonly batches: readonly {
    readonly step: number;
    readonly loss: number;
    readonly metric: number | null;
  }[];
  readonly epochs: readonly EpochMetrics[];
  readonly progress: (Progress & { readonly epoch: number; readonly batchesPerEpoch: number }) | null;
  readonly result: {
    readonly end: TrainEnd;
    readonly epochsDone: number;
    readonly samplesPerSecond: number;
  } | null;
  readonly trained: boolean;
  readonly report: QuantReport | null;
  readonly quantProgress: { readonly done: number; readonly total: number } | null;
  readonly error: Error | null;
  /** Saved weights that did not fit the model and were left out. */
  readonly weightsProblem: string | null;
  /**
   * The project's record of its last run, shown until a new run starts (PT-6); `stale` when the model changed
   * since. Curves and report shown are the restored ones while they are the record's own arrays and object.
   */
  readonly restored: { readonly record: TrainingRecord; readonly stale: boolean } | null;
}

export const INITIAL_VIEW: TrainingView = {
  ready: false,
  busy: 'init',
  state: 'idle',
  backend: null,
  settings: null,
  dataset: null,
  batches: [],
  epochs: [],
  progress: null,
  result: null,
  trained: false,
  report: null,
  quantProgress: null,
  error: null,
  weightsProblem: null,
  restored: null,
};

export type ViewAction =
  /** A new worker for a model; settings are kept when it is the same model (edited), else the defaults apply. */
  | { readonly type: 'init'; readonly keepSettings: boolean }
  | { readonly type: 'ready'; readonly info: ReadyInfo }
  | { readonly type: 'loading-data' }
  | { readonly type: 'data'; readonly summary: DatasetSummary }
  | { readonly type: 'settings'; readonly settings: TrainSettings }
  | { readonly type: 'train-start'; readonly resume: boolean }
  | {
      readonly type: 'trained';
      readonly end: TrainEnd;
      readonly epochsDone: number;
      readonly samplesPerSecond: number;
    }
  | { readonly type: 'weights-loaded' }
  | { readonly type: 'quant-start' }
  | { readonly type: 'quantized'; readonly report: QuantReport }
  | { readonly type: 'restore'; readonly record: TrainingRecord; readonly stale: boolean }
  | { readonly type: 'event'; readonly event: WorkerEvent }
  | { readonly type: 'failed'; readonly error: Error };

function onEvent(view: TrainingView, event: WorkerEvent): TrainingView {
  switch (event.type) {
    case 'state':
      return { ...view, state: event.state };
    case 'batch': {
      const { metrics, progress } = event;
      const step = metrics.epoch * metrics.batchesPerEpoch + metrics.batch;
      return {
        ...view,
        batches: [...view.batches, { step, loss: metrics.loss, metric: metrics.metric }],
        progress: { ...progress, epoch: metrics.epoch, batchesPerEpoch: metrics.batchesPerEpoch },
      };
    }
    case 'epoch':
      return {
        ...view,
        epochs: [...view.epochs.filter((e) => e.epoch !== event.metrics.epoch), event.metrics],
      };
    case 'quantProgress':
      return { ...view, quantProgress: { done: event.done, total: event.total } };
  }
}

export function reduce(view: TrainingView, action: ViewAction): TrainingView {
  switch (action.type) {
    case 'init':
      return { ...INITIAL_VIEW, settings: action.keepSettings ? view.settings : null };
    case 'ready':
      return {
        ...view,
        ready: true,
        weightsProblem: action.info.weightsProblem,
        busy: null,
        backend: action.info.backend,
        trained: action.info.trained,
        settings: view.settings ?? action.info.defaults,
      };
    case 'loading-data':
      return { ...view, busy: 'data', error: null };
    case 'data':
      // New data outdates a report of this session; the last run's report stays, marked as such.
      return {
        ...view,
        busy: null,
        dataset: action.summary,
        report: showsSavedReport(view) ? view.report : null,
      };
    case 'settings':
      return { ...view, settings: action.settings };
    case 'train-start':
      // A restored run's curves are not continued: the worker numbers its epochs afresh after a reload.
      return action.resume && !view.restored
        ? { ...view, error: null, result: null, report: null }
        : {
            ...view,
            error: null,
            result: null,
            report: null,
            batches: [],
            epochs: [],
            progress: null,
            restored: null,
          };
    case 'trained':
      return {
        ...view,
        trained: true,
        result: { end: action.end, epochsDone: action.epochsDone, samplesPerSecond: action.samplesPerSecond },
      };
    case 'weights-loaded':
      return { ...view, trained: true, report: null };
    case 'quant-start':
      return { ...view, error: null, report: null, quantProgress: null };
    case 'quantized':
      return { ...view, report: action.report, quantProgress: null };
    case 'restore': {
      const { record, stale } = action;
      return {
        ...view,
        batches: record.batches,
        epochs: record.epochs,
        result: record.result,
        report: record.report,
        restored: { record, stale },
      };
    }
    case 'event':
      return onEvent(view, action.event);
    case 'failed':
      return { ...view, busy: null, error: action.error };
  }
}
