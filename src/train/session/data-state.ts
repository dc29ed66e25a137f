import * as tf from '@tensorflow/tfjs';
import { MinnowError } from '../../core/errors.ts';
import { splitIndices, subset } from '../datasets/split.ts';
import type { Dataset, DataReport } from '../datasets/types.ts';
import { targetTensor } from './compile.ts';
import type { TrainTensors } from './trainer.ts';

export interface SplitData {
  readonly train: Dataset;
  readonly validation: Dataset;
}

/** Fewer samples than this leave nothing to validate on after the split. */
export const MIN_SAMPLES = 4;

/** A loaded data set, its train/validation split and the tensors made from it, rebuilt when the split changes. */
export class TrainingData {
  private split: (SplitData & { readonly key: string }) | undefined;
  private tensors: TrainTensors | undefined;

  constructor(
    readonly dataset: Dataset,
    readonly report: DataReport,
  ) {
    if (dataset.count < MIN_SAMPLES)
      throw new MinnowError('DATA_TOO_FEW', { min: MIN_SAMPLES, count: dataset.count });
  }

  /** The split of the last training run, or the default one before any. */
  current(share = 0.2, seed = 1): SplitData {
    return this.split ?? this.splitFor(share, seed);
  }

  splitFor(share: number, seed: number): SplitData {
    const key = `${share}/${seed}`;
    if (this.split?.key === key) return this.split;
    this.disposeTensors();
    const { train, validation } = splitIndices(this.dataset.count, share, seed, this.dataset.overlap);
    this.split = { key, train: subset(this.dataset, train), validation: subset(this.dataset, validation) };
    return this.split;
  }

  tensorsFor(share: number, seed: number, outputs: number): TrainTensors {
    const { train, validation } = this.splitFor(share, seed);
    this.tensors ??= {
      x: tf.tensor(train.x, [train.count, ...train.sampleShape]),
      y: targetTensor(train.target, outputs),
      xVal: tf.tensor(validation.x, [validation.count, ...validation.sampleShape]),
      yVal: targetTensor(validation.target, outputs),
    };
    return this.tensors;
  }

  private disposeTensors(): void {
    if (this.tensors) tf.dispose([this.tensors.x, this.tensors.y, this.tensors.xVal, this.tensors.yVal]);
    this.tensors = undefined;
  }

  dispose(): void {
    this.disposeTensors();
    this.split = undefined;
  }
}
