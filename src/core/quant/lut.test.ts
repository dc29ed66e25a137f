import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ElementType, OPCODE } from '../blob/format.ts';
import type { Operands } from '../reference/kernel.ts';
import { softmax } from '../reference/softmax.ts';
import { createRandom } from '../random.ts';
import { lookupError, lookupTable, softmaxTable } from './lut.ts';
import type { QuantParams } from './types.ts';

tf.env().set('PROD', true);
await tf.setBackend('cpu');

const PROBABILITY: QuantParams = { scale: 1 / 256, zeroPoint: -128 };
const TANH: QuantParams = { scale: 1 / 128, zeroPoint: 0 };
const INPUTS: QuantParams[] = [
  { scale: 16 / 255, zeroPoint: 0 },
  { scale: 0.01, zeroPoint: -20 },
  { scale: 0.2, zeroPoint: 100 },
];

/** Float results of tfjs on every int8 input value, dequantized with `q`. */
function tfjsOnGrid(fn: (x: tf.Tensor) => tf.Tensor, q: QuantParams): Float32Array {
  return tf.tidy(
    () =>
      fn(
        tf.tensor1d(Array.from({ length: 256 }, (_, i) => q.scale * (i - 128 - q.zeroPoint))),
      ).dataSync() as Float32Array,
  );
}

function worstSteps(table: Int8Array, expected: Float32Array, out: QuantParams): number {
  let worst = 0;
  table.forEach((t, i) => {
    const want = Math.min(127, Math.max(-128, (expected[i] as number) / out.scale + out.zeroPoint));
    worst = Math.max(worst, Math.abs(t - want));
  });
  return worst;
}

describe('lookup tables [F-63]', () => {
  for (const q of INPUTS) {
    it(`sigmoid and tanh within half an output step of tfjs (input scale ${q.scale.toFixed(3)})`, () => {
      const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
      const sig = lookupTable(sigmoid, q, PROBABILITY);
      const tanh = lookupTable(Math.tanh, q, TANH);
      // 0.5 step plus float32 noise in tfjs's own result.
      expect(worstSteps(sig, tfjsOnGrid(tf.sigmoid, q), PROBABILITY)).toBeLessThanOrEqual(0.5 + 1e-3);
      expect(worstSteps(tanh, tfjsOnGrid(tf.tanh, q), TANH)).toBeLessThanOrEqual(0.5 + 1e-3);
      expect(lookupError(sigmoid, sig, q, PROBABILITY)).toBeLessThanOrEqual(0.5 + 1e-9);
    });
  }

  it('folds a relu cap into the table as a clamp', () => {
    const q: QuantParams = { scale: 0.05, zeroPoint: 0 };
    const out: QuantParams = { scale: 0.02, zeroPoint: -128 };
    const table = lookupTable((v) => Math.max(v, 0), q, out, -128, -128 + 75);
    expect(table[128 - 10]).toBe(-128);
    expect(table[128 + 20]).toBe(-128 + 50);
    expect(table[255]).toBe(-128 + 75);
  });
});

function int8Softmax(x: Int8Array, q: QuantParams): Int8Array {
  const shape = [x.length];
  const t = (type: ElementType, constant: boolean, s: number[]) => ({
    type,
    constant,
    shape: s,
    offset: 0,
    scale: constant ? 0 : 1,
    zeroPoint: 0,
  });
  const operands: Operands = {
    index: 0,
    op: {
      opcode: OPCODE.Softmax,
      nIn: 1,
      in0: 0,
      out: 1,
      const0: 2,
      actMin: -128,
      actMax: 127,
      attr: [0, 0, 0, 0, 0, 0],
    },
    inputs: [{ ...t(ElementType.INT8, false, shape), zeroPoint: q.zeroPoint }],
    output: t(ElementType.INT8, false, shape),
    constants: [t(ElementType.UINT16, true, [2, 16])],
  };
  const output = new Int8Array(x.length);
  softmax.run({ operands, inputs: [x], output, constants: [softmaxTable(q.scale)] });
  return output;
}

describe('integer softmax [F-62]', () => {
  it('stays within 0.51 output steps (1/256) of tfjs on 2,000 random rows', () => {
    const rnd = createRandom(9);
    let worst = 0;
    for (let i = 0; i < 2000; i++) {
      const q: QuantParams = { scale: 0.01 + rnd.float() * 0.3, zeroPoint: rnd.int(-128, 127) };
      const x = Int8Array.from({ length: rnd.int(1, 40) }, () => rnd.int(-128, 127));
      const expected = tf.tidy(() =>
        tf.softmax(tf.tensor1d(Array.from(x, (v) => q.scale * (v - q.zeroPoint)))).dataSync(),
      );
      int8Softmax(x, q).forEach((y, j) => {
        const want = Math.min(127, (expected[j] as number) * 256 - 128);
        worst = Math.max(worst, Math.abs(y - want));
      });
    }
    expect(worst).toBeLessThanOrEqual(0.51);
  });

  it('gives a certain class 127 and a single value 127', () => {
    expect([...int8Softmax(Int8Array.from([127, -128]), { scale: 0.5, zeroPoint: 0 })]).toEqual([127, -128]);
    expect([...int8Softmax(Int8Array.from([5]), { scale: 0.1, zeroPoint: 0 })]).toEqual([127]);
    expect([...int8Softmax(Int8Array.from([3, 3, 3, 3]), { scale: 0.1, zeroPoint: 0 })]).toEqual([
      -64, -64, -64, -64,
    ]);
  });
});
