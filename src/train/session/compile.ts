import * as tf from '@tensorflow/tfjs';
import type { Target } from '../datasets/types.ts';
import type { LossKind } from './output.ts';
import type { TrainSettings } from './settings.ts';

function optimizer(settings: TrainSettings): tf.Optimizer {
  switch (settings.optimizer) {
    case 'sgd':
      return tf.train.sgd(settings.learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(settings.learningRate);
    default:
      return tf.train.adam(settings.learningRate);
  }
}

/** Softmax cross-entropy on raw class scores, for a classifier whose output layer is linear. */
const fromLogits = (labels: tf.Tensor, logits: tf.Tensor): tf.Tensor =>
  tf.losses.softmaxCrossEntropy(labels, logits);

const LOSSES: Readonly<Record<LossKind, string | typeof fromLogits>> = {
  categorical: 'categoricalCrossentropy',
  logits: fromLogits,
  binary: 'binaryCrossentropy',
  mse: 'meanSquaredError',
};

/** Compiles the model for training: accuracy for classes, mean absolute error for values. */
export function compileModel(model: tf.LayersModel, kind: LossKind, settings: TrainSettings): void {
  model.compile({
    optimizer: optimizer(settings),
    loss: LOSSES[kind],
    metrics: [kind === 'mse' ? 'mae' : 'accuracy'],
  });
}

/** The metric tfjs logs for a loss kind, as it names it in fit logs. */
export function metricKey(kind: LossKind): 'acc' | 'mae' {
  return kind === 'mse' ? 'mae' : 'acc';
}

/** Labels as the loss wants them: one-hot rows, a single 0/1 column for one sigmoid unit, or the values. */
export function targetTensor(target: Target, outputs: number): tf.Tensor2D {
  if (target.kind === 'values')
    return tf.tensor2d(target.values, [target.values.length / target.size, target.size]);
  if (outputs === 1) return tf.tensor2d(Float32Array.from(target.labels), [target.labels.length, 1]);
  return tf.tidy(() => tf.oneHot(tf.tensor1d(target.labels, 'int32'), outputs).toFloat() as tf.Tensor2D);
}
