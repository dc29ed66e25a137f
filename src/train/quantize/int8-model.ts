import { compileModel, type Compiled } from '../../core/blob/compile.ts';
import { readBlob } from '../../core/blob/reader.ts';
import { isTokenStream } from '../../core/model/token-stream.ts';
import type { AnalyzedModel } from '../../core/model/types.ts';
import { dequantize, quantizeTensor } from '../../core/quant/calibrate.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import { resetState } from '../../core/reference/generate.ts';
import { prepare, run, type OpObserver, type Program } from '../../core/reference/interpreter.ts';

/** The model as the board runs it: the compiled blob, prepared for core's integer reference interpreter. */
export interface Int8Model {
  readonly compiled: Compiled;
  readonly program: Program;
  readonly arena: Uint8Array;
  /** A token-stream model: one token per run, its GRU state kept in the arena from run to run (F-69). */
  readonly stream: boolean;
}

/**
 * Post-training quantization: int8 activation ranges calibrated on `calibration` (float training samples).
 * A token-stream model is compiled keeping its GRU state, and its calibration inputs (one token each) are
 * then read as one stream of text.
 */
export function quantizeModel(
  model: AnalyzedModel,
  weights: FloatWeights,
  calibration: readonly Float32Array[],
): Int8Model {
  const stream = isTokenStream(model);
  const compiled = compileModel(model, weights, { calibration, testVector: true, keepGruState: stream });
  return {
    compiled,
    program: prepare(readBlob(compiled.blob)),
    arena: new Uint8Array(compiled.plan.arenaBytes),
    stream,
  };
}

/**
 * Quantizes a float input, runs the integer kernels and returns the output in real values. A token-stream
 * model takes a window of tokens: the state is reset, the tokens run one per run (token t is the int8 input
 * t − 128, F-73), and the output (and what `observe` sees) is that of the last one.
 */
export function runInt8(m: Int8Model, input: Float32Array, observe?: OpObserver): Float32Array {
  if (!m.stream)
    return dequantize(
      run(m.program, quantizeTensor(input, m.compiled.input), m.arena, observe),
      m.compiled.output,
    );
  resetState(m.program, m.arena);
  let output: Int8Array = new Int8Array(0);
  input.forEach((token, t) => {
    const last = t === input.length - 1;
    output = run(
      m.program,
      quantizeTensor(Float32Array.of(token), m.compiled.input),
      m.arena,
      last ? observe : undefined,
    );
  });
  return dequantize(output, m.compiled.output);
}
