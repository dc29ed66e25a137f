import { compileModel, type Compiled } from '../../core/blob/compile.ts';
import { readBlob } from '../../core/blob/reader.ts';
import type { AnalyzedModel } from '../../core/model/types.ts';
import { dequantize, quantizeTensor } from '../../core/quant/calibrate.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import { prepare, run, type OpObserver, type Program } from '../../core/reference/interpreter.ts';

/** The model as the board runs it: the compiled blob, prepared for core's integer reference interpreter. */
export interface Int8Model {
  readonly compiled: Compiled;
  readonly program: Program;
  readonly arena: Uint8Array;
}

/** Post-training quantization: int8 activation ranges calibrated on `calibration` (float training samples). */
export function quantizeModel(
  model: AnalyzedModel,
  weights: FloatWeights,
  calibration: readonly Float32Array[],
): Int8Model {
  const compiled = compileModel(model, weights, { calibration, testVector: true });
  return {
    compiled,
    program: prepare(readBlob(compiled.blob)),
    arena: new Uint8Array(compiled.plan.arenaBytes),
  };
}

/** Quantizes a float input, runs the integer kernels and returns the output in real values. */
export function runInt8(m: Int8Model, input: Float32Array, observe?: OpObserver): Float32Array {
  const output = run(m.program, quantizeTensor(input, m.compiled.input), m.arena, observe);
  return dequantize(output, m.compiled.output);
}
