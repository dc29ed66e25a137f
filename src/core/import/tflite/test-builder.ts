/**
 * Test support: writes .tflite files with the flatbuffers runtime's Builder, following the schema's field
 * ids (schema.ts) independently of the reader, so tests and the bench can make float and int8 models of any
 * size. Not used by the app.
 */
import { Builder } from 'flatbuffers';

// Field ids restated from schema.fbs here rather than imported from the reader, so a wrong id in either shows.
const MODEL = { version: 0, operatorCodes: 1, subgraphs: 2, buffers: 4 };
const SUBGRAPH = { tensors: 0, inputs: 1, outputs: 2, operators: 3 };
const TENSOR = { shape: 0, type: 1, buffer: 2, name: 3, quantization: 4 };
const QUANTIZATION = { scale: 2, zeroPoint: 3, quantizedDimension: 6 };
const OPERATOR = { opcodeIndex: 0, inputs: 1, outputs: 2, optionsType: 3, options: 4 };
const OPERATOR_CODE = { deprecatedBuiltinCode: 0, customCode: 1, version: 2, builtinCode: 3 };
const BUFFER = { data: 0 };
/** TensorType codes. */
export const FLOAT32 = 0;
export const INT32 = 2;
export const INT8 = 9;

export interface TestQuant {
  readonly scale: readonly number[];
  readonly zeroPoint: readonly number[];
  readonly dimension?: number;
}

export interface TestTensor {
  readonly shape: readonly number[];
  readonly type?: number;
  readonly name?: string;
  readonly data?: Uint8Array;
  readonly quant?: TestQuant;
}

/** One options field: [field id, kind, value]. */
export type OptionField = readonly [number, 'uint8' | 'int32' | 'float32', number];

export interface TestOp {
  readonly code: number;
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
  readonly optionsType?: number;
  readonly options?: readonly OptionField[];
  /** A custom operator's name (code 32). */
  readonly custom?: string;
}

export interface TestModel {
  readonly tensors: readonly TestTensor[];
  readonly ops: readonly TestOp[];
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
}

export const floatBytes = (v: ArrayLike<number>) => new Uint8Array(Float32Array.from(v).buffer);
export const int32Bytes = (v: ArrayLike<number>) => new Uint8Array(Int32Array.from(v).buffer);
export const int8Bytes = (v: ArrayLike<number>) => new Uint8Array(Int8Array.from(v).buffer);

function numbers(b: Builder, values: readonly number[], size: number, add: (v: number) => void): number {
  b.startVector(size, values.length, size);
  for (let i = values.length - 1; i >= 0; i--) add(values[i] as number);
  return b.endVector();
}

function offsets(b: Builder, list: readonly number[]): number {
  return numbers(b, list, 4, (o) => b.addOffset(o));
}

function quant(b: Builder, q: TestQuant): number {
  const scale = numbers(b, q.scale, 4, (v) => b.addFloat32(v));
  const zero = numbers(b, q.zeroPoint, 8, (v) => b.addInt64(BigInt(v)));
  b.startObject(7);
  b.addFieldOffset(QUANTIZATION.scale, scale, 0);
  b.addFieldOffset(QUANTIZATION.zeroPoint, zero, 0);
  b.addFieldInt32(QUANTIZATION.quantizedDimension, q.dimension ?? 0, 0);
  return b.endObject();
}

function options(b: Builder, fields: readonly OptionField[]): number {
  b.startObject(Math.max(0, ...fields.map(([id]) => id + 1)));
  for (const [id, kind, v] of fields) {
    if (kind === 'uint8') b.addFieldInt8(id, v, -1);
    else if (kind === 'int32') b.addFieldInt32(id, v, -1);
    else b.addFieldFloat32(id, v, -1);
  }
  return b.endObject();
}

/** The FlatBuffer of `m`: buffer 0 empty, one buffer per constant tensor, one operator code per op. */
export function buildTflite(m: TestModel): Uint8Array {
  const b = new Builder(1024);
  // Every field given is written, even one equal to its default, as the TFLite converter writes them.
  b.forceDefaults(true);
  const buffers: number[] = [];
  const emptyBuffer = () => {
    b.startObject(3);
    return b.endObject();
  };
  buffers.push(emptyBuffer());
  const tensors = m.tensors.map((t, i) => {
    let buffer = 0;
    if (t.data) {
      b.startVector(1, t.data.length, 16);
      for (let k = t.data.length - 1; k >= 0; k--) b.addInt8(t.data[k] as number);
      const data = b.endVector();
      b.startObject(3);
      b.addFieldOffset(BUFFER.data, data, 0);
      buffer = buffers.push(b.endObject()) - 1;
    }
    const name = b.createString(t.name ?? `t${i}`);
    const shape = numbers(b, t.shape, 4, (v) => b.addInt32(v));
    const q = t.quant ? quant(b, t.quant) : 0;
    b.startObject(5);
    b.addFieldOffset(TENSOR.shape, shape, 0);
    b.addFieldInt8(TENSOR.type, t.type ?? FLOAT32, -1);
    b.addFieldInt32(TENSOR.buffer, buffer, 0);
    b.addFieldOffset(TENSOR.name, name, 0);
    if (q) b.addFieldOffset(TENSOR.quantization, q, 0);
    return b.endObject();
  });
  const codes = m.ops.map((op) => {
    const custom = op.custom ? b.createString(op.custom) : 0;
    b.startObject(4);
    b.addFieldInt8(OPERATOR_CODE.deprecatedBuiltinCode, Math.min(op.code, 127), -1);
    if (custom) b.addFieldOffset(OPERATOR_CODE.customCode, custom, 0);
    b.addFieldInt32(OPERATOR_CODE.version, 1, 0);
    b.addFieldInt32(OPERATOR_CODE.builtinCode, op.code, -1);
    return b.endObject();
  });
  const ops = m.ops.map((op, i) => {
    const inputs = numbers(b, op.inputs, 4, (v) => b.addInt32(v));
    const outputs = numbers(b, op.outputs, 4, (v) => b.addInt32(v));
    const opts = op.options ? options(b, op.options) : 0;
    b.startObject(5);
    b.addFieldInt32(OPERATOR.opcodeIndex, i, -1);
    b.addFieldOffset(OPERATOR.inputs, inputs, 0);
    b.addFieldOffset(OPERATOR.outputs, outputs, 0);
    if (op.optionsType) b.addFieldInt8(OPERATOR.optionsType, op.optionsType, 0);
    if (opts) b.addFieldOffset(OPERATOR.options, opts, 0);
    return b.endObject();
  });
  const tensorVec = offsets(b, tensors);
  const opVec = offsets(b, ops);
  const ins = numbers(b, m.inputs, 4, (v) => b.addInt32(v));
  const outs = numbers(b, m.outputs, 4, (v) => b.addInt32(v));
  b.startObject(5);
  b.addFieldOffset(SUBGRAPH.tensors, tensorVec, 0);
  b.addFieldOffset(SUBGRAPH.inputs, ins, 0);
  b.addFieldOffset(SUBGRAPH.outputs, outs, 0);
  b.addFieldOffset(SUBGRAPH.operators, opVec, 0);
  const graph = b.endObject();
  const codeVec = offsets(b, codes);
  const graphVec = offsets(b, [graph]);
  const bufferVec = offsets(b, buffers);
  b.startObject(5);
  b.addFieldInt32(MODEL.version, 3, 0);
  b.addFieldOffset(MODEL.operatorCodes, codeVec, 0);
  b.addFieldOffset(MODEL.subgraphs, graphVec, 0);
  b.addFieldOffset(MODEL.buffers, bufferVec, 0);
  b.finish(b.endObject(), 'TFL3');
  return b.asUint8Array().slice();
}
