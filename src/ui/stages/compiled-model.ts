import { compileModel } from '../../core/blob/compile.ts';
import { readBlob } from '../../core/blob/reader.ts';
import { MinnowError } from '../../core/errors.ts';
import { analyzeModel } from '../../core/model/analyze.ts';
import { isTokenStream } from '../../core/model/token-stream.ts';
import { shapeSize, type AnalyzedModel, type ModelSpec } from '../../core/model/types.ts';
import { randomInputs, randomWeights } from '../../core/quant/random-weights.ts';
import type { ExactQuant } from '../../core/quant/exact.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import type { Sample } from '../device/RunSample.tsx';
import { floatScores } from './float-scores.ts';
import { tokenCalibration } from './token-calibration.ts';

/** Samples of the training data to calibrate on; `saved` when they come from the project's last run. */
export interface Calibration {
  readonly samples: readonly Sample[];
  readonly saved: boolean;
}

export type CompiledModel =
  | {
      readonly status: 'ok';
      readonly blob: Uint8Array;
      readonly crc: string;
      readonly trained: boolean;
      /** Training samples the activation ranges were calibrated on; 0 means synthetic inputs. */
      readonly calibratedOn: number;
      /** The samples are those saved with the project's last run (PT-6), not this session's. */
      readonly calibrationSaved: boolean;
      /** One token in per run, GRU state kept between runs (F-69): the board writes text with it. */
      readonly tokenStream: boolean;
      /** For a token stream: how many tokens, in order, calibrated it. */
      readonly calibrationTokens?: number;
      /** The float model's output scores for one real input (not for a token stream). */
      readonly floatScores?: (input: Float32Array) => readonly number[];
    }
  | { readonly status: 'empty' }
  | { readonly status: 'error'; readonly error: MinnowError };

/** Calibration inputs of a model that reads one tensor per run: the samples of its input size, or synthetic. */
function tensorCalibration(model: AnalyzedModel, samples: readonly Sample[]) {
  const size = shapeSize(model.inputShape);
  const real = samples.map((s) => s.values).filter((v) => v.length === size);
  return { inputs: real.length > 0 ? real : randomInputs(model, 8, 1), samples: real.length };
}

/**
 * The blob the board gets: the trained weights (or seeded random ones, labelled untrained) quantized to int8,
 * calibrated on training samples when there are some of the model's input size, else on synthetic inputs. A
 * token-stream model keeps its GRU state between runs and calibrates on its text as one stream.
 */
export function compileForBoard(
  spec: ModelSpec,
  weights: FloatWeights | null,
  samples: readonly Sample[],
  /** The samples are those saved with the project's last run. */
  saved = false,
  /** An imported int8 model's own quantization: compiled as is, the samples only make the test vector. */
  exact?: ExactQuant,
): CompiledModel {
  if (spec.layers.length === 0) return { status: 'empty' };
  try {
    const model = analyzeModel(spec);
    const tokenStream = isTokenStream(model);
    const calibration = tokenStream ? tokenCalibration(samples) : tensorCalibration(model, samples);
    const used = weights ?? randomWeights(model, 1);
    const { blob, plan } = compileModel(model, used, {
      calibration: calibration.inputs,
      testVector: true,
      ...(tokenStream ? { keepGruState: true } : {}),
      ...(exact && weights ? { exact } : {}),
    });
    const crc = readBlob(blob).header.crc.toString(16).padStart(8, '0');
    return {
      status: 'ok',
      blob,
      crc,
      trained: weights !== null,
      calibratedOn: calibration.samples,
      calibrationSaved: saved && calibration.samples > 0,
      tokenStream,
      ...(tokenStream
        ? { calibrationTokens: calibration.inputs.length }
        : { floatScores: floatScores(model, plan, used) }),
    };
  } catch (e) {
    if (e instanceof MinnowError) return { status: 'error', error: e };
    throw e;
  }
}

/** Whether a spec is a token-stream model; false for one that does not analyze. */
export function isTokenStreamSpec(spec: ModelSpec): boolean {
  try {
    // Ruled out from the spec alone where it can be: analysing a 200-layer model on every edit costs a millisecond.
    const has = (type: string) => spec.layers.some((l) => l.type === type);
    if (spec.input.shape.length !== 1 || !has('Embedding') || !has('GRU')) return false;
    return isTokenStream(analyzeModel(spec));
  } catch {
    return false;
  }
}

/** What the page's writer gets: the blob the board runs, once it is trained; otherwise why there is none. */
export function writerInput(compiled: CompiledModel): { blob: Uint8Array | null; reason: string | null } {
  if (compiled.status === 'empty') return { blob: null, reason: 'Add layers to the network first.' };
  if (compiled.status === 'error') return { blob: null, reason: compiled.error.message };
  if (!compiled.trained)
    return { blob: null, reason: 'Train first: the model writes once it has learned from a text.' };
  return { blob: compiled.blob, reason: null };
}
