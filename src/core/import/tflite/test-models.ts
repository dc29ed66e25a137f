/** Test support: small float .tflite models with their raw TFLite-layout weights, for checks and the bench. */
import { int32Bytes } from './test-builder.ts';
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

/** input [1, n] → FULLY_CONNECTED(h, RELU) → FULLY_CONNECTED(k) → SOFTMAX. */
export function floatMlp(n: number, h: number, k: number, seed = 1) {
  const g = new TestGraph(seed);
  const w1 = g.values(h * n);
  const b1 = g.values(h);
  const w2 = g.values(k * h);
  const b2 = g.values(k);
  const x = g.tensor({ shape: [1, n], name: 'serving_default_x:0' });
  const h1 = g.op(CODE.FULLY_CONNECTED, [x, g.constFloat([h, n], w1), g.constFloat([h], b1)], [1, h], {
    optionsType: OPTIONS.fc,
    options: fcOptions(RELU),
  });
  const logits = g.op(CODE.FULLY_CONNECTED, [h1, g.constFloat([k, h], w2), g.constFloat([k], b2)], [1, k], {
    optionsType: OPTIONS.fc,
    options: fcOptions(),
  });
  const y = g.op(CODE.SOFTMAX, [logits], [1, k], {
    optionsType: OPTIONS.softmax,
    options: [[0, 'float32', 1]],
  });
  return { bytes: g.build(x, y), w1, b1, w2, b2 };
}

/**
 * input [1, 8, 8, 2] → PAD(1) → CONV_2D 3×3×4 VALID RELU (the PAD folds into "same") → DEPTHWISE 3×3 ×2
 * SAME stride 2 RELU6 → MAX_POOL 2 → AVERAGE_POOL 1 → MEAN(1, 2) → FULLY_CONNECTED 3 → LOGISTIC.
 */
export function floatCnn(seed = 2) {
  const g = new TestGraph(seed);
  const conv = { w: g.values(4 * 3 * 3 * 2), b: g.values(4) };
  const dw = { w: g.values(3 * 3 * 8), b: g.values(8) };
  const fc = { w: g.values(3 * 8), b: g.values(3) };
  const x = g.tensor({ shape: [1, 8, 8, 2], name: 'image' });
  const pads = g.tensor({ shape: [4, 2], type: 2, data: int32Bytes([0, 0, 1, 1, 1, 1, 0, 0]) });
  const padded = g.op(CODE.PAD, [x, pads], [1, 10, 10, 2], { optionsType: OPTIONS.pad, options: [] });
  const c1 = g.op(
    CODE.CONV_2D,
    [padded, g.constFloat([4, 3, 3, 2], conv.w), g.constFloat([4], conv.b)],
    [1, 8, 8, 4],
    {
      optionsType: OPTIONS.conv,
      options: convOptions(VALID, 1, RELU),
    },
  );
  const d1 = g.op(
    CODE.DEPTHWISE_CONV_2D,
    [c1, g.constFloat([1, 3, 3, 8], dw.w), g.constFloat([8], dw.b)],
    [1, 4, 4, 8],
    {
      optionsType: OPTIONS.depthwise,
      options: depthwiseOptions(SAME, 2, 2, RELU6),
    },
  );
  const p1 = g.op(CODE.MAX_POOL_2D, [d1], [1, 2, 2, 8], {
    optionsType: OPTIONS.pool,
    options: poolOptions(VALID, 2, 2),
  });
  const p2 = g.op(CODE.AVERAGE_POOL_2D, [p1], [1, 2, 2, 8], {
    optionsType: OPTIONS.pool,
    options: poolOptions(SAME, 2, 1),
  });
  const axes = g.tensor({ shape: [2], type: 2, data: int32Bytes([1, 2]) });
  const m = g.op(CODE.MEAN, [p2, axes], [1, 8], { optionsType: OPTIONS.reducer, options: [[0, 'uint8', 0]] });
  const f = g.op(CODE.FULLY_CONNECTED, [m, g.constFloat([3, 8], fc.w), g.constFloat([3], fc.b)], [1, 3], {
    optionsType: OPTIONS.fc,
    options: fcOptions(),
  });
  const y = g.op(CODE.LOGISTIC, [f], [1, 3]);
  return { bytes: g.build(x, y), conv, dw, fc };
}

/** input [1, 6] → two FULLY_CONNECTED(4) → ADD → CONCATENATION(−1) with the first → RESHAPE [1, 2, 4] → TANH. */
export function floatBranches(seed = 3) {
  const g = new TestGraph(seed);
  const a = { w: g.values(24), b: g.values(4) };
  const b = { w: g.values(24), b: g.values(4) };
  const x = g.tensor({ shape: [1, 6] });
  const fa = g.op(CODE.FULLY_CONNECTED, [x, g.constFloat([4, 6], a.w), g.constFloat([4], a.b)], [1, 4]);
  const fb = g.op(CODE.FULLY_CONNECTED, [x, g.constFloat([4, 6], b.w), g.constFloat([4], b.b)], [1, 4]);
  const sum = g.op(CODE.ADD, [fa, fb], [1, 4], { optionsType: OPTIONS.add, options: [[0, 'uint8', 0]] });
  const cat = g.op(CODE.CONCATENATION, [fa, sum], [1, 8], {
    optionsType: OPTIONS.concat,
    options: [[0, 'int32', -1]],
  });
  const shape = g.tensor({ shape: [3], type: 2, data: int32Bytes([1, 2, 4]) });
  const r = g.op(CODE.RESHAPE, [cat, shape], [1, 2, 4]);
  const y = g.op(CODE.TANH, [r], [1, 2, 4]);
  return { bytes: g.build(x, y), a, b };
}

/** A float MLP of about `bytes` bytes of weights (the bench's 300 KB and 3 MB models). */
export function floatMlpOfSize(bytes: number) {
  const hidden = Math.max(4, Math.floor(bytes / 4 / (256 + 10)));
  return floatMlp(256, hidden, 10, 7);
}
