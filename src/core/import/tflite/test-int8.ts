/** Test support: small int8 .tflite models with their raw integer weights and quantization. */
import { createRandom } from '../../random.ts';
import { int32Bytes, int8Bytes, INT8, INT32, FLOAT32 } from './test-builder.ts';
import {
  CODE,
  OPTIONS,
  RELU,
  RELU6,
  SAME,
  TestGraph,
  VALID,
  convOptions,
  depthwiseOptions,
  fcOptions,
  poolOptions,
} from './test-graph.ts';

export interface Q {
  readonly scale: number;
  readonly zp: number;
}

/** Random integer weights and biases with per-channel (or one) float32 scales. */
export function int8Layer(seed: number, count: number, channels: number, scales: number) {
  const r = createRandom(seed);
  return {
    w: Int8Array.from({ length: count }, () => r.int(-127, 127)),
    b: Int32Array.from({ length: channels }, () => r.int(-3000, 3000)),
    s: Array.from({ length: scales }, () => Math.fround(0.002 + 0.01 * r.float())),
  };
}

const quant = (q: Q) => ({ scale: [q.scale], zeroPoint: [q.zp] });

function weights(g: TestGraph, shape: number[], l: ReturnType<typeof int8Layer>, dim: number, sx: number) {
  const w = g.tensor({
    shape,
    type: INT8,
    data: int8Bytes(l.w),
    quant: { scale: l.s, zeroPoint: l.s.map(() => 0), dimension: dim },
  });
  const bs = l.s.map((s) => Math.fround(s * sx));
  const b = g.tensor({
    shape: [l.b.length],
    type: INT32,
    data: int32Bytes(l.b),
    quant: { scale: bs, zeroPoint: bs.map(() => 0) },
  });
  return [w, b];
}

export const CNN_Q = {
  x: { scale: Math.fround(0.05), zp: -10 },
  conv: { scale: Math.fround(6 / 255), zp: -128 },
  dw: { scale: Math.fround(0.07), zp: 5 },
  fc1: { scale: Math.fround(0.1), zp: -128 },
  fc2: { scale: Math.fround(0.2), zp: 3 },
};

/**
 * int8 in and out: [1, 6, 6, 2] → CONV_2D 3×3×4 SAME RELU6 (per-channel) → DEPTHWISE 3×3 ×2 VALID
 * (per-channel) → MAX_POOL 2 → AVERAGE_POOL 2 SAME stride 1 → RESHAPE [1, 32] → FULLY_CONNECTED 5 RELU
 * (per-tensor) → FULLY_CONNECTED 3 (per-tensor).
 */
export function int8Cnn() {
  const g = new TestGraph(5);
  const q = CNN_Q;
  const conv = int8Layer(11, 4 * 3 * 3 * 2, 4, 4);
  const dw = int8Layer(12, 3 * 3 * 8, 8, 8);
  const fc1 = int8Layer(13, 5 * 32, 5, 1);
  const fc2 = int8Layer(14, 3 * 5, 3, 1);
  const x = g.tensor({ shape: [1, 6, 6, 2], type: INT8, quant: quant(q.x) });
  const c1 = g.op(CODE.CONV_2D, [x, ...weights(g, [4, 3, 3, 2], conv, 0, q.x.scale)], [1, 6, 6, 4], {
    type: INT8,
    quant: quant(q.conv),
    optionsType: OPTIONS.conv,
    options: convOptions(SAME, 1, RELU6),
  });
  const d1 = g.op(
    CODE.DEPTHWISE_CONV_2D,
    [c1, ...weights(g, [1, 3, 3, 8], dw, 3, q.conv.scale)],
    [1, 4, 4, 8],
    {
      type: INT8,
      quant: quant(q.dw),
      optionsType: OPTIONS.depthwise,
      options: depthwiseOptions(VALID, 1, 2),
    },
  );
  const p1 = g.op(CODE.MAX_POOL_2D, [d1], [1, 2, 2, 8], {
    type: INT8,
    quant: quant(q.dw),
    optionsType: OPTIONS.pool,
    options: poolOptions(VALID, 2, 2),
  });
  const p2 = g.op(CODE.AVERAGE_POOL_2D, [p1], [1, 2, 2, 8], {
    type: INT8,
    quant: quant(q.dw),
    optionsType: OPTIONS.pool,
    options: poolOptions(SAME, 2, 1),
  });
  const shape = g.tensor({ shape: [2], type: INT32, data: int32Bytes([1, 32]) });
  const r = g.op(CODE.RESHAPE, [p2, shape], [1, 32], { type: INT8, quant: quant(q.dw) });
  const f1 = g.op(CODE.FULLY_CONNECTED, [r, ...weights(g, [5, 32], fc1, 0, q.dw.scale)], [1, 5], {
    type: INT8,
    quant: quant(q.fc1),
    optionsType: OPTIONS.fc,
    options: fcOptions(RELU),
  });
  const y = g.op(CODE.FULLY_CONNECTED, [f1, ...weights(g, [3, 5], fc2, 0, q.fc1.scale)], [1, 3], {
    type: INT8,
    quant: quant(q.fc2),
    optionsType: OPTIONS.fc,
    options: fcOptions(),
  });
  return { bytes: g.build(x, y), conv, dw, fc1, fc2 };
}

export const MLP_Q = {
  x: { scale: Math.fround(0.04), zp: 7 },
  h: { scale: Math.fround(0.09), zp: -128 },
  y: { scale: Math.fround(0.15), zp: -2 },
};

/** float in and out: QUANTIZE → FULLY_CONNECTED 6 RELU → FULLY_CONNECTED 4 → DEQUANTIZE. */
export function int8MlpFloatIo() {
  const g = new TestGraph(6);
  const q = MLP_Q;
  const fc1 = int8Layer(21, 6 * 10, 6, 1);
  const fc2 = int8Layer(22, 4 * 6, 4, 1);
  const x = g.tensor({ shape: [1, 10], type: FLOAT32 });
  const xq = g.op(CODE.QUANTIZE, [x], [1, 10], { type: INT8, quant: quant(q.x) });
  const h = g.op(CODE.FULLY_CONNECTED, [xq, ...weights(g, [6, 10], fc1, 0, q.x.scale)], [1, 6], {
    type: INT8,
    quant: quant(q.h),
    optionsType: OPTIONS.fc,
    options: fcOptions(RELU),
  });
  const yq = g.op(CODE.FULLY_CONNECTED, [h, ...weights(g, [4, 6], fc2, 0, q.h.scale)], [1, 4], {
    type: INT8,
    quant: quant(q.y),
    optionsType: OPTIONS.fc,
    options: fcOptions(),
  });
  const y = g.op(CODE.DEQUANTIZE, [yq], [1, 4], { type: FLOAT32 });
  return { bytes: g.build(x, y), fc1, fc2 };
}

/** int8 in and out: [1, 256] → FULLY_CONNECTED(h, RELU, per-channel) → FULLY_CONNECTED(10): about `bytes` of weights. */
export function int8MlpOfSize(bytes: number) {
  const g = new TestGraph(8);
  const hidden = Math.max(4, Math.floor(bytes / (256 + 10)));
  const fc1 = int8Layer(31, hidden * 256, hidden, hidden);
  const fc2 = int8Layer(32, 10 * hidden, 10, 1);
  const q = {
    x: { scale: Math.fround(0.02), zp: 0 },
    h: { scale: Math.fround(0.1), zp: -128 },
    y: { scale: Math.fround(0.3), zp: 0 },
  };
  const x = g.tensor({ shape: [1, 256], type: INT8, quant: quant(q.x) });
  const h = g.op(CODE.FULLY_CONNECTED, [x, ...weights(g, [hidden, 256], fc1, 0, q.x.scale)], [1, hidden], {
    type: INT8,
    quant: quant(q.h),
    optionsType: OPTIONS.fc,
    options: fcOptions(RELU),
  });
  const y = g.op(CODE.FULLY_CONNECTED, [h, ...weights(g, [10, hidden], fc2, 0, q.h.scale)], [1, 10], {
    type: INT8,
    quant: quant(q.y),
    optionsType: OPTIONS.fc,
    options: fcOptions(),
  });
  return { bytes: g.build(x, y) };
}

export const ADD_Q = {
  x: { scale: Math.fround(0.03), zp: 4 },
  a: { scale: Math.fround(0.08), zp: -6 },
  b: { scale: Math.fround(0.05), zp: 11 },
  s: { scale: Math.fround(0.11), zp: -3 },
};

/** int8: [1, 6] → FULLY_CONNECTED 4 (a) and FULLY_CONNECTED 4 (b) → ADD(a, b). */
export function int8Add() {
  const g = new TestGraph(9);
  const q = ADD_Q;
  const fa = int8Layer(41, 24, 4, 1);
  const fb = int8Layer(42, 24, 4, 1);
  const x = g.tensor({ shape: [1, 6], type: INT8, quant: quant(q.x) });
  const a = g.op(CODE.FULLY_CONNECTED, [x, ...weights(g, [4, 6], fa, 0, q.x.scale)], [1, 4], {
    type: INT8,
    quant: quant(q.a),
  });
  const b = g.op(CODE.FULLY_CONNECTED, [x, ...weights(g, [4, 6], fb, 0, q.x.scale)], [1, 4], {
    type: INT8,
    quant: quant(q.b),
  });
  const y = g.op(CODE.ADD, [a, b], [1, 4], {
    type: INT8,
    quant: quant(q.s),
    optionsType: OPTIONS.add,
    options: [[0, 'uint8', 0]],
  });
  return { bytes: g.build(x, y), fa, fb };
}

/** int8: [1, 6] → FULLY_CONNECTED 3 → SOFTMAX whose output has quantization `out`. */
export function int8Softmax(out: Q) {
  const g = new TestGraph(10);
  const q = ADD_Q;
  const fc = int8Layer(51, 18, 3, 1);
  const x = g.tensor({ shape: [1, 6], type: INT8, quant: quant(q.x) });
  const logits = g.op(CODE.FULLY_CONNECTED, [x, ...weights(g, [3, 6], fc, 0, q.x.scale)], [1, 3], {
    type: INT8,
    quant: quant(q.a),
  });
  const y = g.op(CODE.SOFTMAX, [logits], [1, 3], {
    type: INT8,
    quant: quant(out),
    optionsType: OPTIONS.softmax,
    options: [[0, 'float32', 1]],
  });
  return { bytes: g.build(x, y) };
}
