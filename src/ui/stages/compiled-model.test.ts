import { describe, expect, it } from 'vitest';
import charLm from '../../../examples/char-lm.json';
import mnist from '../../../examples/mnist-mlp.json';
import { readBlob } from '../../core/blob/reader.ts';
import { importTflite } from '../../core/import/tflite/index.ts';
import { int8MlpFloatIo, MLP_Q } from '../../core/import/tflite/test-int8.ts';
import type { ExactQuant } from '../../core/quant/exact.ts';
import { MinnowError } from '../../core/errors.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { prepare, run } from '../../core/reference/interpreter.ts';
import { compileForBoard, isTokenStreamSpec, writerInput, type CompiledModel } from './compiled-model.ts';
import { MAX_CALIBRATION_TOKENS as CALIBRATION_TOKENS } from '../../train/quantize/board-inputs.ts';
import { BUILT_IN_TEXT, tokenCalibration } from './token-calibration.ts';

const lmSpec = charLm as ModelSpec;
const window = (...ids: number[]) => ({ values: Float32Array.from(ids) });
const ok = (c: CompiledModel) => {
  if (c.status !== 'ok') throw new Error(`not compiled: ${c.status}`);
  return c;
};

describe('compileForBoard for a token-stream model', () => {
  it('F-69: the blob keeps the GRU state between runs, as the board writes one token at a time', () => {
    const compiled = ok(compileForBoard(lmSpec, null, []));
    expect(compiled.tokenStream).toBe(true);
    const program = prepare(readBlob(compiled.blob));
    const size = program.blob.header.arenaSize;
    const kept = new Uint8Array(size);
    run(program, Int8Array.of(65 - 128), kept);
    const afterA = run(program, Int8Array.of(66 - 128), kept);
    const alone = run(program, Int8Array.of(66 - 128), new Uint8Array(size));
    expect(afterA).not.toEqual(alone);
  });

  it('calibrates on the training windows flattened in order, one token per input', () => {
    const samples = [window(72, 105, 33), window(10, 32, 120)];
    expect(tokenCalibration(samples).inputs).toEqual(
      [72, 105, 33, 10, 32, 120].map((t) => Float32Array.of(t)),
    );
    const compiled = ok(compileForBoard(lmSpec, null, samples));
    expect(compiled).toMatchObject({ calibratedOn: 2, calibrationTokens: 6 });
    expect(compiled.blob).not.toEqual(ok(compileForBoard(lmSpec, null, [])).blob);
  });

  it('falls back to the built-in text without samples, and skips windows that are not token ids', () => {
    const fallback = tokenCalibration([window(1.5, 300), { values: new Float32Array(0) }, window(-1)]);
    expect(fallback.samples).toBe(0);
    expect(fallback.inputs.map((x) => x[0])).toEqual(Array.from(new TextEncoder().encode(BUILT_IN_TEXT)));
    expect(ok(compileForBoard(lmSpec, null, [window(Number.NaN)]))).toMatchObject({
      calibratedOn: 0,
      calibrationTokens: new TextEncoder().encode(BUILT_IN_TEXT).length,
    });
  });

  it('calibrates on at most CALIBRATION_TOKENS tokens, from the first windows', () => {
    const many = Array.from({ length: 40 }, (_, w) =>
      window(...Array.from({ length: 100 }, (_, i) => (w + i) % 256)),
    );
    const { inputs, samples } = tokenCalibration(many);
    expect(inputs).toHaveLength(CALIBRATION_TOKENS);
    expect(samples).toBe(Math.ceil(CALIBRATION_TOKENS / 100));
    expect(inputs[100]?.[0]).toBe(1); // the second window starts at 1
  });

  it('a model that reads whole tensors compiles as before, its GRU-free blob calibrated on its samples', () => {
    const compiled = ok(compileForBoard(mnist as ModelSpec, null, [{ values: new Float32Array(784) }]));
    expect(compiled).toMatchObject({ tokenStream: false, calibratedOn: 1 });
    expect(compiled.calibrationTokens).toBe(undefined);
  });
});

describe('what the page writer gets', () => {
  it('the trained blob, or why there is none', () => {
    const weights = ok(compileForBoard(lmSpec, null, []));
    expect(writerInput(weights)).toEqual({ blob: null, reason: expect.stringMatching(/^Train first/) });
    const trained = { ...weights, trained: true };
    expect(writerInput(trained)).toEqual({ blob: weights.blob, reason: null });
    expect(writerInput({ status: 'empty' }).reason).toMatch(/Add layers/);
    const error = new MinnowError('WEIGHTS_MISSING', { layer: 'gru', weight: 'kernel' });
    expect(writerInput({ status: 'error', error })).toEqual({ blob: null, reason: error.message });
  });

  it('tells token-stream specs apart, and garbage specs are not', () => {
    expect(isTokenStreamSpec(lmSpec)).toBe(true);
    expect(isTokenStreamSpec(mnist as ModelSpec)).toBe(false);
    expect(isTokenStreamSpec({ ...lmSpec, layers: [] })).toBe(false);
    expect(isTokenStreamSpec({ layers: [{ type: 'Nope' }] } as unknown as ModelSpec)).toBe(false);
  });
});

describe('compileForBoard for an imported int8 model', () => {
  it('[PQ-1] compiles with the kept quantization, not calibration, as the CLI does', () => {
    const imported = importTflite({ name: 'mlp8.tflite', bytes: int8MlpFloatIo().bytes });
    const exact = imported.quantization as ExactQuant;
    const compiled = ok(compileForBoard(imported.model, imported.weights, [], false, exact));
    const blob = readBlob(compiled.blob);
    expect(blob.tensors[blob.header.inputTensor]).toMatchObject({
      scale: MLP_Q.x.scale,
      zeroPoint: MLP_Q.x.zp,
    });
    const calibrated = ok(compileForBoard(imported.model, imported.weights, []));
    const other = readBlob(calibrated.blob);
    expect(other.tensors[other.header.inputTensor]?.scale).not.toBe(MLP_Q.x.scale);
  });
});
