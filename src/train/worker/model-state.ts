import * as tf from '@tensorflow/tfjs';
import { isMinnowError, MinnowError } from '../../core/errors.ts';
import { formatShape, shapeSize, type AnalyzedModel } from '../../core/model/types.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import { buildModel, type BuiltModel } from '../build/build-model.ts';
import { extractWeights, loadWeights } from '../build/weights.ts';
import { runInt8, type Int8Model } from '../quantize/int8-model.ts';
import { compileModel } from '../session/compile.ts';
import type { LossKind } from '../session/output.ts';
import type { TrainSettings } from '../session/settings.ts';
import type { Prediction } from './protocol.ts';

/** The tfjs model of the session, how far it is trained, and its int8 counterpart once quantized. */
export class ModelState {
  built: BuiltModel;
  /** Epochs trained since the weights were last initialized. */
  epochsDone = 0;
  /** Whether the weights come from training (or a save) rather than initialization. */
  trained = false;
  /** The quantized model, until the weights change. */
  int8: Int8Model | undefined;
  private compiledFor = '';

  constructor(readonly analyzed: AnalyzedModel) {
    this.built = buildModel(analyzed);
  }

  /** Fresh random weights, as tfjs initializes them. */
  reset(): void {
    this.built.model.dispose();
    this.built = buildModel(this.analyzed);
    this.compiledFor = '';
    this.epochsDone = 0;
    this.setTrained(false);
  }

  setTrained(trained: boolean): void {
    this.trained = trained;
    this.int8 = undefined;
  }

  load(weights: FloatWeights): void {
    loadWeights(this.built, weights);
    this.setTrained(true);
  }

  /** Loads saved weights if they fit; otherwise says why, and the model stays untrained. */
  tryLoad(weights: FloatWeights | undefined): string | null {
    if (!weights) return null;
    try {
      this.load(weights);
      return null;
    } catch (e) {
      if (!isMinnowError(e)) throw e;
      return e.describe();
    }
  }

  weights(): FloatWeights {
    return extractWeights(this.built);
  }

  /** Compiles for training; kept as is (optimizer state included) while the optimizer settings hold. */
  compile(kind: LossKind, settings: TrainSettings): void {
    const key = `${kind}/${settings.optimizer}/${settings.learningRate}`;
    if (key !== this.compiledFor) compileModel(this.built.model, kind, settings);
    this.compiledFor = key;
  }

  predict(input: Float32Array): Prediction {
    const shape = this.analyzed.inputShape;
    const needed = shapeSize(shape);
    if (input.length !== needed) {
      throw new MinnowError('PREDICT_INPUT', { given: input.length, needed, shape: formatShape(shape) });
    }
    const float = tf.tidy(() => {
      const y = this.built.model.predict(tf.tensor(input, [1, ...shape])) as tf.Tensor;
      return Float32Array.from(y.dataSync());
    });
    return { float, int8: this.int8 ? runInt8(this.int8, input) : null };
  }

  dispose(): void {
    this.built.model.dispose();
  }
}
