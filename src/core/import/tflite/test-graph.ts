/**
 * Test support: a small graph maker over test-builder.ts, with TensorFlow Lite's operator codes and options
 * restated from schema.fbs (independently of the reader's schema.ts).
 */
import { createRandom } from '../../random.ts';
import {
  buildTflite,
  floatBytes,
  type OptionField,
  type TestOp,
  type TestQuant,
  type TestTensor,
} from './test-builder.ts';

export const CODE = {
  ADD: 0,
  AVERAGE_POOL_2D: 1,
  CONCATENATION: 2,
  CONV_2D: 3,
  DEPTHWISE_CONV_2D: 4,
  DEQUANTIZE: 6,
  FULLY_CONNECTED: 9,
  LOGISTIC: 14,
  MAX_POOL_2D: 17,
  RELU: 19,
  RELU6: 21,
  RESHAPE: 22,
  SOFTMAX: 25,
  TANH: 28,
  PAD: 34,
  MEAN: 40,
  UNIDIRECTIONAL_SEQUENCE_LSTM: 44,
  QUANTIZE: 114,
} as const;

/** BuiltinOptions union indices and the options' field ids. */
export const OPTIONS = {
  conv: 1,
  depthwise: 2,
  pool: 5,
  fc: 8,
  softmax: 9,
  concat: 10,
  add: 11,
  reshape: 17,
  pad: 22,
  reducer: 27,
};
/** Padding: SAME 0, VALID 1; ActivationFunctionType: NONE 0, RELU 1, RELU6 3. */
export const SAME = 0;
export const VALID = 1;
export const RELU = 1;
export const RELU6 = 3;

export const convOptions = (padding: number, stride: number, act = 0): OptionField[] => [
  [0, 'uint8', padding],
  [1, 'int32', stride],
  [2, 'int32', stride],
  [3, 'uint8', act],
];
export const depthwiseOptions = (padding: number, stride: number, dm: number, act = 0): OptionField[] => [
  [0, 'uint8', padding],
  [1, 'int32', stride],
  [2, 'int32', stride],
  [3, 'int32', dm],
  [4, 'uint8', act],
];
export const poolOptions = (padding: number, size: number, stride: number): OptionField[] => [
  [0, 'uint8', padding],
  [1, 'int32', stride],
  [2, 'int32', stride],
  [3, 'int32', size],
  [4, 'int32', size],
];
export const fcOptions = (act = 0): OptionField[] => [[0, 'uint8', act]];

export class TestGraph {
  readonly tensors: TestTensor[] = [];
  readonly ops: TestOp[] = [];
  private readonly random;

  constructor(seed = 1) {
    this.random = createRandom(seed);
  }

  tensor(t: TestTensor): number {
    return this.tensors.push(t) - 1;
  }

  /** Random float values in [−1, 1). */
  values(n: number): Float32Array {
    return Float32Array.from({ length: n }, () => 2 * this.random.float() - 1);
  }

  constFloat(shape: number[], values: Float32Array = this.values(shape.reduce((a, b) => a * b, 1))): number {
    return this.tensor({ shape, data: floatBytes(values) });
  }

  /** Adds an operator writing a new tensor of `shape`; returns that tensor's index. */
  op(
    code: number,
    inputs: number[],
    shape: number[],
    more: Partial<TestOp> & { quant?: TestQuant; type?: number } = {},
  ): number {
    const { quant, type, ...rest } = more;
    const out = this.tensor({ shape, ...(quant ? { quant } : {}), ...(type === undefined ? {} : { type }) });
    this.ops.push({ code, inputs, outputs: [out], ...rest });
    return out;
  }

  build(input: number, output: number): Uint8Array {
    return buildTflite({ tensors: this.tensors, ops: this.ops, inputs: [input], outputs: [output] });
  }
}
