/**
 * A manual check on a real int8 .tflite (docs/IMPORT.md): `npx tsx scripts/tflite-exact-check.ts model.tflite
 * input.bin` computes the model's CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED (per-tensor), AVERAGE_POOL_2D and
 * RESHAPE ops (square strides) with the tests' restatement of TensorFlow Lite Micro's reference kernels
 * (src/core/import/tflite/test-tflm.ts) up to the first other op, runs the blob Minnow compiles from the same
 * file on the same raw int8 input, and counts op outputs that are equal byte for byte.
 */
import { readFileSync } from 'node:fs';
import { readTflite } from '../src/core/import/tflite/read.ts';
import { importTflite } from '../src/core/import/tflite/index.ts';
import { convolve, fullyConnected, pool, requantize } from '../src/core/import/tflite/test-tflm.ts';
import { analyzeModel } from '../src/core/model/analyze.ts';
import { compileModel } from '../src/core/blob/compile.ts';
import { readBlob } from '../src/core/blob/reader.ts';
import { prepare, run } from '../src/core/reference/interpreter.ts';

const file = process.argv[2]!;
const bytes = new Uint8Array(readFileSync(file));
const input = new Int8Array(readFileSync(process.argv[3]!));
const m = readTflite('pd', bytes);
const vals = new Map<number, { data: ArrayLike<number>; h: number; w: number; c: number }>();
const t0 = m.tensors[m.inputs[0]!]!;
const dims = t0.shape.length === 4 ? t0.shape : [1, 1, 1, t0.shape[1]!];
vals.set(t0.index, { data: input, h: dims[1]!, w: dims[2]!, c: dims[3]! });
const q = (i: number) => ({ s: m.tensors[i]!.quant!.scale, z: m.tensors[i]!.quant!.zeroPoint[0]! });
const i8 = (i: number) => new Int8Array(m.tensors[i]!.data!.slice().buffer);
const i32 = (i: number) => new Int32Array(m.tensors[i]!.data!.slice().buffer);
const range = (act: number, s: number, z: number): [number, number] =>
  act === 1
    ? [Math.max(-128, z), 127]
    : act === 3
      ? [Math.max(-128, z), Math.min(127, z + Math.round(Math.fround(6 / s)))]
      : [-128, 127];
const outputs: Int8Array[] = [];
for (const op of m.operators) {
  const o = op.options;
  const x = vals.get(op.inputs[0]!)!;
  const out = op.outputs[0]!;
  const qx = q(op.inputs[0]!),
    qy = q(out);
  if (op.name === 'CONV_2D' || op.name === 'DEPTHWISE_CONV_2D') {
    const dw = op.name === 'DEPTHWISE_CONV_2D';
    const wq = q(op.inputs[1]!);
    const w = m.tensors[op.inputs[1]!]!;
    const stride = o!.int32(1, 1);
    const act = o!.uint8(dw ? 4 : 3);
    const [lo, hi] = range(act, qy.s[0]!, qy.z);
    const y = convolve(
      x,
      i8(op.inputs[1]!),
      w.shape,
      i32(op.inputs[2]!),
      { stride, same: o!.uint8(0) === 0, depthwise: dw, offset: -qx.z },
      (acc, c) =>
        requantize(acc, (qx.s[0]! * (wq.s.length > 1 ? wq.s[c]! : wq.s[0]!)) / qy.s[0]!, qy.z, lo, hi),
    );
    vals.set(out, y);
    outputs.push(Int8Array.from(y.data));
  } else if (op.name === 'FULLY_CONNECTED') {
    const wq = q(op.inputs[1]!);
    const units = m.tensors[op.inputs[1]!]!.shape[0]!;
    const [lo, hi] = range(o!.uint8(0), qy.s[0]!, qy.z);
    const real = Math.fround(qx.s[0]! * wq.s[0]!) / qy.s[0]!;
    const y = fullyConnected(
      x.data,
      i8(op.inputs[1]!),
      units,
      op.inputs[2]! >= 0 ? i32(op.inputs[2]!) : [],
      -qx.z,
      (acc) => requantize(acc, real, qy.z, lo, hi),
    );
    vals.set(out, { data: y, h: 1, w: 1, c: units });
    outputs.push(Int8Array.from(y));
  } else if (op.name === 'AVERAGE_POOL_2D') {
    const y = pool(x, o!.int32(3, 1), o!.int32(1, 1), o!.uint8(0) === 0, 'avg', true);
    vals.set(out, y);
    outputs.push(Int8Array.from(y.data));
  } else if (op.name === 'RESHAPE') {
    const sh = m.tensors[out]!.shape;
    vals.set(
      out,
      sh.length === 4
        ? { data: x.data, h: sh[1]!, w: sh[2]!, c: sh[3]! }
        : { ...x, h: 1, w: 1, c: x.data.length },
    );
  } else {
    console.log('stop at', op.name);
    break;
  }
}
const im = importTflite({ name: 'pd.tflite', bytes });
const c = compileModel(analyzeModel(im.model), im.weights, {
  calibration: [],
  exact: im.quantization as never,
});
const seen: Int8Array[] = [];
run(prepare(readBlob(c.blob)), input, new Uint8Array(c.plan.arenaBytes), (_i, y) => seen.push(y.slice()));
let k = 0,
  equal = 0,
  differ = 0;
for (const want of outputs) {
  while (k < seen.length && seen[k]!.length !== want.length) k++;
  const got = seen[k++];
  if (!got) {
    console.log('no blob op for output', outputs.indexOf(want));
    break;
  }
  const d = want.reduce((n, v, i) => n + (v !== got[i] ? 1 : 0), 0);
  if (d === 0) equal++;
  else {
    differ++;
    console.log(`op output ${outputs.indexOf(want)}: ${d} of ${want.length} bytes differ`);
  }
}
console.log(`${equal} op outputs equal byte for byte, ${differ} differ; blob ops ${seen.length}`);
