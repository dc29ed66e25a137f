/**
 * The typed messages between the page and the training worker. The page sends a Request (a call with an
 * id); the worker answers each with one Reply carrying the same id, and streams WorkerEvents meanwhile.
 * Everything here survives structured cloning (typed arrays, plain objects, Files).
 */
import type { CaptureSet } from '../../core/capture/types.ts';
import type { ErrorDetails, ErrorId } from '../../core/errors.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import type { BackendInfo, BackendName } from '../backend.ts';
import type { FolderFile } from '../datasets/image-decode.ts';
import type { DatasetSummary } from '../datasets/summary.ts';
import type { QuantReport } from '../quantize/evaluate.ts';
import type { Progress } from '../session/progress.ts';
import type { TrainSettings } from '../session/settings.ts';
import type { BatchMetrics, EpochMetrics, TrainEnd } from '../session/trainer.ts';

export type DataSource =
  | { readonly kind: 'mnist' }
  | { readonly kind: 'sine'; readonly count?: number; readonly noise?: number }
  | { readonly kind: 'gestures'; readonly count?: number }
  | {
      readonly kind: 'csv';
      readonly name: string;
      readonly text: string;
      readonly label?: string | number;
      readonly task?: 'classification' | 'regression';
    }
  | { readonly kind: 'imu-csv'; readonly name: string; readonly text: string; readonly stride?: number }
  | { readonly kind: 'images'; readonly files: readonly FolderFile[] }
  | { readonly kind: 'captures'; readonly set: CaptureSet }
  | {
      readonly kind: 'text';
      readonly name: string;
      readonly text: string;
      readonly window?: number;
      readonly stride?: number;
    };

export interface ReadyInfo {
  readonly backend: BackendInfo;
  readonly params: number;
  readonly defaults: TrainSettings;
  /** Whether the model holds trained (loaded) weights. */
  readonly trained: boolean;
  /** Why saved weights were not loaded (they belong to another version of the model), if they were not. */
  readonly weightsProblem: string | null;
}

export interface TrainResult {
  readonly end: TrainEnd;
  readonly epochsDone: number;
  readonly samplesPerSecond: number;
  readonly weights: FloatWeights;
}

export interface Prediction {
  readonly float: Float32Array;
  /** The board's answer; null until the model is quantized (and after the weights change). */
  readonly int8: Float32Array | null;
}

export interface SampleView extends Prediction {
  readonly index: number;
  readonly count: number;
  readonly input: Float32Array;
  readonly label: string;
}

export type TrainerState = 'idle' | 'training' | 'paused' | 'quantizing';

/** Each call: [arguments, result]. */
export interface Calls {
  init: [
    { readonly model: ModelSpec; readonly weights?: FloatWeights; readonly backend?: BackendName },
    ReadyInfo,
  ];
  loadData: [{ readonly source: DataSource }, DatasetSummary];
  train: [{ readonly settings?: Partial<TrainSettings>; readonly resume?: boolean }, TrainResult];
  pause: [Record<string, never>, null];
  resume: [Record<string, never>, null];
  stop: [Record<string, never>, null];
  setWeights: [{ readonly weights: FloatWeights }, null];
  quantize: [{ readonly calibration?: number; readonly evaluate?: number }, QuantReport];
  predict: [{ readonly input: Float32Array }, Prediction];
  sample: [{ readonly index: number }, SampleView];
}

export type CallName = keyof Calls;
export type ArgsOf<K extends CallName> = Calls[K][0];
export type ResultOf<K extends CallName> = Calls[K][1];

export type Request = {
  [K in CallName]: { readonly id: number; readonly call: K; readonly args: ArgsOf<K> };
}[CallName];

/** An error as it crosses the worker boundary: a catalog entry (rebuilt on the page) or a plain message. */
export type ErrorPayload =
  | { readonly kind: 'minnow'; readonly id: ErrorId; readonly details: ErrorDetails }
  | { readonly kind: 'plain'; readonly message: string };

export type Reply =
  | { readonly type: 'result'; readonly id: number; readonly result: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: ErrorPayload };

export type WorkerEvent =
  | { readonly type: 'state'; readonly state: TrainerState }
  | { readonly type: 'batch'; readonly metrics: BatchMetrics; readonly progress: Progress }
  | { readonly type: 'epoch'; readonly metrics: EpochMetrics }
  | { readonly type: 'quantProgress'; readonly done: number; readonly total: number };

export type WorkerMessage = Reply | WorkerEvent;
