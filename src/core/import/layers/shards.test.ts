import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { importModelFiles } from '../index.ts';
import { halfToFloat } from './dtype.ts';
import { asFiles, savedFiles } from './test-save.ts';

interface Spec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number };
}

async function denseModel() {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [5], units: 3, name: 'fc' })] });
  const { json, shard } = await savedFiles(model);
  const group = (json.weightsManifest as { paths: string[]; weights: Spec[] }[])[0] as {
    paths: string[];
    weights: Spec[];
  };
  return { model, json, shard, group };
}

/** tfjs's own decoding of the shard: the independent reading of quantized weights. */
function tfjsDecoded(shard: Uint8Array, specs: Spec[]): Float32Array[] {
  const buffer = shard.buffer.slice(shard.byteOffset, shard.byteOffset + shard.byteLength);
  const map = tf.io.decodeWeights(buffer as ArrayBuffer, specs as tf.io.WeightsManifestEntry[]);
  return specs.map((s) => map[s.name]?.dataSync() as Float32Array);
}

/** Binary16 of a value that is a multiple of 1/256 below 8 in size (exact in half precision). */
function toHalf(v: number): number {
  if (v === 0) return 0;
  const sign = v < 0 ? 0x8000 : 0;
  const e = Math.floor(Math.log2(Math.abs(v)));
  return sign | ((e + 15) << 10) | Math.round((Math.abs(v) / 2 ** e - 1) * 1024);
}

describe('weight shards', () => {
  it('decodes IEEE half floats, subnormals and infinities included', () => {
    expect([0x3c00, 0xc000, 0x3555, 0x0001, 0x7c00, 0x0000].map(halfToFloat)).toEqual([
      1,
      -2,
      0.333251953125,
      2 ** -24,
      Infinity,
      0,
    ]);
    expect(halfToFloat(0x7e00)).toBeNaN();
  });

  it('dequantizes uint8 weights (real = min + scale·q) as tfjs does', async () => {
    const { json, group } = await denseModel();
    const q = Uint8Array.from({ length: 15 + 3 }, (_, i) => (i * 37) % 256);
    for (const w of group.weights) w.quantization = { dtype: 'uint8', scale: 0.01, min: -1.2 };
    const imported = importModelFiles(asFiles(json, q));
    const [kernel, bias] = tfjsDecoded(q, group.weights);
    expect(imported.weights.fc?.kernel).toEqual(kernel);
    expect(imported.weights.fc?.bias).toEqual(bias);
  });

  it('reads float16 and uint16 quantized shards as tfjs does', async () => {
    const { json, group } = await denseModel();
    const values = Array.from({ length: 18 }, (_, i) => (i - 9) / 16);
    const half = new Uint8Array(36);
    values.forEach((v, i) => new DataView(half.buffer).setUint16(2 * i, toHalf(v), true));
    for (const w of group.weights) w.quantization = { dtype: 'float16' };
    const imported = importModelFiles(asFiles(json, half));
    expect([...(imported.weights.fc?.kernel ?? [])]).toEqual(values.slice(0, 15));
    expect(imported.weights.fc?.kernel).toEqual(tfjsDecoded(half, group.weights)[0]);

    const wide = Uint8Array.from({ length: 36 }, (_, i) => (i * 11) % 256);
    for (const w of group.weights) w.quantization = { dtype: 'uint16', scale: 0.0001, min: -3 };
    const again = importModelFiles(asFiles(json, wide));
    const want = tfjsDecoded(wide, group.weights)[1] as Float32Array;
    (again.weights.fc?.bias ?? []).forEach((v, i) => expect(v).toBeCloseTo(want[i] as number, 5));
  });

  it('joins a weight split over several shards in manifest order', async () => {
    const { json, shard, group } = await denseModel();
    group.paths = ['part1.bin', 'part2.bin'];
    const imported = importModelFiles([
      { name: 'model.json', bytes: asFiles(json, shard)[0]?.bytes as Uint8Array },
      { name: 'part2.bin', bytes: shard.slice(30) },
      { name: 'part1.bin', bytes: shard.slice(0, 30) },
    ]);
    expect(imported.weights.fc?.kernel).toEqual(tfjsDecoded(shard, group.weights)[0]);
  });
});
