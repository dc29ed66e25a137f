import { compileModel } from '../../core/blob/compile.ts';
import { readBlob } from '../../core/blob/reader.ts';
import { MinnowError } from '../../core/errors.ts';
import { analyzeModel } from '../../core/model/analyze.ts';
import { shapeSize, type ModelSpec } from '../../core/model/types.ts';
import { randomInputs, randomWeights } from '../../core/quant/random-weights.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import type { Sample } from '../device/RunSample.tsx';

export type CompiledModel =
  | {
      readonly status: 'ok';
      readonly blob: Uint8Array;
      readonly crc: string;
      readonly trained: boolean;
      /** Training samples the activation ranges were calibrated on; 0 means synthetic inputs. */
      readonly calibratedOn: number;
    }
  | { readonly status: 'empty' }
  | { readonly status: 'error'; readonly error: MinnowError };

/**
 * The blob the board gets: the trained weights (or seeded random ones, labelled untrained) quantized to int8,
 * calibrated on training samples when there are some of the model's input size, else on synthetic inputs.
 */
export function compileForBoard(
  spec: ModelSpec,
  weights: FloatWeights | null,
  samples: readonly Sample[],
): CompiledModel {
  if (spec.layers.length === 0) return { status: 'empty' };
  try {
    const model = analyzeModel(spec);
    const size = shapeSize(model.inputShape);
    const real = samples.map((s) => s.values).filter((v) => v.length === size);
    const calibration = real.length > 0 ? real : randomInputs(model, 8, 1);
    const { blob } = compileModel(model, weights ?? randomWeights(model, 1), {
      calibration,
      testVector: true,
    });
    const crc = readBlob(blob).header.crc.toString(16).padStart(8, '0');
    return { status: 'ok', blob, crc, trained: weights !== null, calibratedOn: real.length };
  } catch (e) {
    if (e instanceof MinnowError) return { status: 'error', error: e };
    throw e;
  }
}
