import { Builder } from 'flatbuffers';
import { describe, expect, it } from 'vitest';
import { MinnowError } from '../../errors.ts';
import { createRandom } from '../../random.ts';
import { importTflite } from './index.ts';
import { int32Bytes } from './test-builder.ts';
import { CODE, TestGraph } from './test-graph.ts';
import { floatCnn, floatMlp } from './test-models.ts';
import { int8Cnn } from './test-int8.ts';

function codeOf(bytes: Uint8Array): number {
  try {
    importTflite({ name: 'bad.tflite', bytes });
  } catch (e) {
    if (e instanceof MinnowError) return e.code;
    throw e;
  }
  return 0;
}

const good = floatCnn().bytes;

describe('TensorFlow Lite reader on bad files', () => {
  it('[I-20] refuses a file that is not a TFLite FlatBuffer with E680', () => {
    expect(codeOf(new Uint8Array(0))).toBe(680);
    expect(codeOf(new TextEncoder().encode('{"format": "layers-model"}'))).toBe(680);
  });

  it('[I-21] refuses every truncation with a coded error', () => {
    for (let n = 8; n < good.length; n += 7) expect([681, 683]).toContain(codeOf(good.slice(0, n)));
  });

  it('[I-22] survives random corruption of float and int8 models: a coded error or a model, never a crash or a hang', () => {
    const r = createRandom(9);
    const started = Date.now();
    const int8 = int8Cnn().bytes;
    for (let trial = 0; trial < 1500; trial++) {
      const bytes = (trial % 2 === 0 ? good : int8).slice();
      for (let k = r.int(1, 6); k > 0; k--) bytes[r.int(0, bytes.length - 1)] = r.int(0, 255);
      // codeOf rethrows anything but a coded error (a TypeError from a wild read, a RangeError).
      codeOf(bytes);
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('[I-23] refuses a vector longer than the file before allocating it', () => {
    const bytes = good.slice();
    const view = new DataView(bytes.buffer);
    // The root table's subgraph vector: follow root → vtable slot 2 (subgraphs) → the vector's length.
    const root = view.getUint32(0, true);
    const vtable = root - view.getInt32(root, true);
    const field = root + view.getUint16(vtable + 4 + 2 * 2, true);
    const vector = field + view.getUint32(field, true);
    view.setUint32(vector, 0x7fffffff, true);
    expect(codeOf(bytes)).toBe(681);
  });

  it('[I-24] refuses a self-referencing table (a zero offset) and an out-of-range vtable', () => {
    const bytes = good.slice();
    const view = new DataView(bytes.buffer);
    const root = view.getUint32(0, true);
    const vtable = root - view.getInt32(root, true);
    const field = root + view.getUint16(vtable + 4 + 2 * 2, true);
    view.setUint32(field, 0, true);
    expect(codeOf(bytes)).toBe(681);
    const far = good.slice();
    new DataView(far.buffer).setInt32(root, -0x7fffff, true);
    expect(codeOf(far)).toBe(681);
  });

  it('[I-25] refuses an operator reading a tensor no earlier operator wrote (a cycle)', () => {
    const g = new TestGraph();
    const x = g.tensor({ shape: [1, 4] });
    const later = g.tensor({ shape: [1, 4] });
    const y = g.op(CODE.RELU, [later], [1, 4]);
    g.ops.push({ code: CODE.RELU, inputs: [y], outputs: [later] });
    expect(codeOf(g.build(x, y))).toBe(681);
  });

  it('[I-26] names an unsupported operator, its index and output, and what to use instead', () => {
    const g = new TestGraph();
    const x = g.tensor({ shape: [1, 5, 3] });
    const y = g.op(CODE.UNIDIRECTIONAL_SEQUENCE_LSTM, [x], [1, 5, 8]);
    g.tensors[y] = { shape: [1, 5, 8], name: 'lstm/out' };
    try {
      importTflite({ name: 'lstm.tflite', bytes: g.build(x, y) });
      expect.unreachable();
    } catch (e) {
      const err = e as MinnowError;
      expect(err.code).toBe(682);
      expect(err.message).toContain('operator 0 (UNIDIRECTIONAL_SEQUENCE_LSTM, output "lstm/out")');
      expect(err.hint).toContain('LSTM is not supported; GRU is');
    }
  });

  it('[I-27] refuses a PAD that is not a convolution\'s "same" padding, saying so', () => {
    const g = new TestGraph();
    const x = g.tensor({ shape: [1, 4] });
    const pads = g.tensor({ shape: [2, 2], type: 2, data: int32Bytes([0, 0, 1, 1]) });
    const p = g.op(CODE.PAD, [x, pads], [1, 6]);
    const y = g.op(CODE.RELU, [p], [1, 6]);
    expect(() => importTflite({ name: 'pad.tflite', bytes: g.build(x, y) })).toThrow(
      /operator 0 \(PAD.*not a convolution/,
    );
  });

  it('[I-6] refuses a QUANTIZE that requantizes a uint8 input (only float ↔ int8 at the edges is dropped)', () => {
    const g = new TestGraph();
    const x = g.tensor({ shape: [1, 4], type: 3, quant: { scale: [0.1], zeroPoint: [128] } });
    const q = g.op(CODE.QUANTIZE, [x], [1, 4], { type: 9, quant: { scale: [0.1], zeroPoint: [0] } });
    const y = g.op(CODE.RELU, [q], [1, 4], { type: 9, quant: { scale: [0.1], zeroPoint: [0] } });
    expect(() => importTflite({ name: 'u8.tflite', bytes: g.build(x, y) })).toThrow(
      /operator 0 \(QUANTIZE.*requantizes/,
    );
  });

  it('[I-28] a well-formed file imports (the corruptions above start from a good one)', () => {
    expect(importTflite({ name: 'ok.tflite', bytes: floatMlp(3, 4, 2).bytes }).model.layers).toHaveLength(3);
  });
});

describe('TensorFlow Lite reader memory', () => {
  it('[I-1] refuses tables that share one large vector many times over, before reading it unboundedly', () => {
    // 3,000 tensors all pointing at one quantization table with 3,000 scales: 9 M values from a ~60 KB file.
    const b = new Builder(1024);
    b.forceDefaults(true);
    b.startVector(4, 3000, 4);
    for (let i = 0; i < 3000; i++) b.addFloat32(0.5);
    const scales = b.endVector();
    b.startObject(7);
    b.addFieldOffset(2, scales, 0);
    const quant = b.endObject();
    const tensors = Array.from({ length: 3000 }, () => {
      b.startObject(5);
      b.addFieldOffset(4, quant, 0);
      return b.endObject();
    });
    b.startVector(4, tensors.length, 4);
    for (let i = tensors.length - 1; i >= 0; i--) b.addOffset(tensors[i] as number);
    const tensorVec = b.endVector();
    b.startObject(5);
    b.addFieldOffset(0, tensorVec, 0);
    const graph = b.endObject();
    b.startVector(4, 1, 4);
    b.addOffset(graph);
    const graphs = b.endVector();
    b.startObject(5);
    b.addFieldOffset(2, graphs, 0);
    b.finish(b.endObject(), 'TFL3');
    const bytes = b.asUint8Array().slice();
    expect(bytes.length).toBeLessThan(100_000);
    expect(() => importTflite({ name: 'shared.tflite', bytes })).toThrow(/unbounded memory/);
  });
});
