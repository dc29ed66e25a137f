import * as tf from '@tensorflow/tfjs';
import { isMinnowError, MinnowError } from '../../core/errors.ts';
import { isTokenStream } from '../../core/model/token-stream.ts';
import { formatShape, shapeSize, type AnalyzedModel } from '../../core/model/types.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import { buildModel, type BuiltModel } from '../build/build-model.ts';
import { trainingModel } from '../build/token-stream.ts';
import { extractWeights, loadWeights } from '../build/weights.ts';
import { TEXT_WINDOW } from '../datasets/text.ts';
import { qatPlan } from '../qat/plan.ts';
import { enableFakeQuant } from '../qat/wrap.ts';
import { runInt8, type Int8Model } from '../quantize/int8-model.ts';
import { compileModel } from '../session/compile.ts';
import type { LossKind } from '../session/output.ts';
import type { TrainSettings } from '../session/settings.ts';
import type { Prediction } from './protocol.ts';

/**
 * The tfjs model of the session, how far it is trained, and its int8 counterpart once quantized. `analyzed`
 * is the model as the board runs it; `built` is what tfjs trains, the same model except for a token stream,
 * which trains as its window model (see trainingModel) and runs on the board one token at a time.
 */
export class ModelState {
  built: BuiltModel;
  /** Epochs trained since the weights were last initialized. */
  epochsDone = 0;
  /** Whether the weights come from training (or a save) rather than initialization. */
  trained = false;
  /** The quantized model, until the weights change. */
  int8: Int8Model | undefined;
  /**
   * Whether the weights train on their packed grid (quantization-aware). The model as trained then computes
   * on that grid, and so do its float figures: the int8 check compares with that, not with the float shadow
   * weights, which no layer computed with.
   */
  quantAware = false;
  private compiledFor = '';

  constructor(readonly analyzed: AnalyzedModel) {
    this.built = buildModel(trainingModel(analyzed, TEXT_WINDOW));
  }

  /** Fresh random weights, as tfjs initializes them. */
  reset(): void {
    this.built.model.dispose();
    this.built = buildModel(this.built.analyzed);
    this.compiledFor = '';
    this.epochsDone = 0;
    this.setTrained(false);
  }

  /**
   * A token-stream model trains on windows of as many tokens as a sample of its data holds: the tfjs model is
   * rebuilt for that length with the weights it has (trained or not), and the int8 model stays valid.
   */
  useWindow(steps: number): void {
    if (!isTokenStream(this.analyzed) || this.built.analyzed.inputShape[0] === steps) return;
    const weights = this.weights();
    this.built.model.dispose();
    this.built = buildModel(trainingModel(this.analyzed, steps));
    loadWeights(this.built, weights);
    this.compiledFor = '';
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

  /** Makes the tfjs model compute as it trains (see quantAware); returns what undoes it. */
  computeAsTrained(): () => void {
    return this.quantAware ? enableFakeQuant(this.built, qatPlan(this.analyzed)) : () => {};
  }

  asTrained<T>(run: () => T): T {
    const restore = this.computeAsTrained();
    try {
      return run();
    } finally {
      restore();
    }
  }

  /** A token stream's input is a window of tokens: the float model reads it at once, the int8 one by one. */
  predict(input: Float32Array): Prediction {
    const shape = this.built.analyzed.inputShape;
    const needed = shapeSize(shape);
    if (input.length !== needed) {
      throw new MinnowError('PREDICT_INPUT', { given: input.length, needed, shape: formatShape(shape) });
    }
    const float = this.asTrained(() =>
      tf.tidy(() => {
        const y = this.built.model.predict(tf.tensor(input, [1, ...shape])) as tf.Tensor;
        return Float32Array.from(y.dataSync());
      }),
    );
    return { float, int8: this.int8 ? runInt8(this.int8, input) : null };
  }

  dispose(): void {
    this.built.model.dispose();
  }
}
