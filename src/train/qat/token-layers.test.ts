import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../core/model/analyze.ts';
import { embeddingTable } from '../../core/quant/embedding.ts';
import { channelLevels } from '../../core/quant/packing.ts';
import { randomWeights } from '../../core/quant/random-weights.ts';
import { buildModel } from '../build/build-model.ts';
import { extractWeights, loadWeights } from '../build/weights.ts';
import { errorCode } from '../test-support.ts';
import { tf } from '../test-tfjs.ts';
import { quantizeGrid } from './grid.ts';
import { qatPlan } from './plan.ts';
import { enableFakeQuant } from './wrap.ts';

const spec = {
  format: 'minnow-model',
  version: 1,
  name: 'token-qat',
  input: { shape: [5] },
  layers: [
    { id: 'embed', type: 'Embedding', inputDim: 10, outputDim: 3, packing: 'int4' },
    { id: 'gru', type: 'GRU', units: 4, packing: 'ternary' },
    { id: 'fc', type: 'Dense', units: 2, packing: 'int4' },
  ],
};
const model = analyzeModel(spec);
const weights = randomWeights(model, 5);
const input = tf.tensor([[3, 1, 4, 1, 5]]);
const kernel = (name: string) => weights.gru?.[name] as Float32Array;

function built(w = weights) {
  const b = buildModel(model);
  loadWeights(b, w);
  return b;
}
const predict = (b: ReturnType<typeof built>) => Array.from((b.model.predict(input) as tf.Tensor).dataSync());

describe('quantization-aware training of a token model', () => {
  it('plans every layer with a packing on its own grid, but an int8 table, stored at its output scale', () => {
    expect(qatPlan(model)).toEqual({ embed: 'int4', gru: 'ternary', fc: 'int4' });
    const int8Table = {
      ...spec,
      layers: spec.layers.map((l) => (l.id === 'embed' ? { ...l, packing: 'int8' } : l)),
    };
    expect(qatPlan(analyzeModel(int8Table))).toEqual({ gru: 'ternary', fc: 'int4' });
    expect(errorCode(() => enableFakeQuant(built(), { embed: 'int8' }))).toBe(650);
  });

  it("puts a packed table on the compiler's grid, one scale per column", () => {
    const table = weights.embed?.embeddings as Float32Array;
    expect(Array.from(quantizeGrid('int4', table, 3))).toEqual(
      Array.from(embeddingTable(table, 3, 'int4').values),
    );
  });

  it("puts both GRU kernels on the compiler's grid: one scale per gate unit, over its rows", () => {
    for (const name of ['kernel', 'recurrent_kernel']) {
      const k = kernel(name);
      const rows = 12;
      const depth = k.length / rows;
      // The compiler's layout: tfjs [depth, 3U] transposed to one row of `depth` weights per gate unit.
      const transposed = Float32Array.from(
        { length: k.length },
        (_, i) => k[(i % depth) * rows + Math.floor(i / depth)] as number,
      );
      const { levels, scales } = channelLevels('ternary', transposed, rows, (i) => Math.floor(i / depth));
      const grid = quantizeGrid('ternary', k, rows);
      const back = Array.from(grid, (_, i) => {
        const at = (i % rows) * depth + Math.floor(i / rows);
        return (levels[at] as number) * (scales[i % rows] as number);
      });
      expect(Array.from(grid), name).toEqual(back.map(Math.fround));
    }
  });

  it('computes with the grid kernels while on, and with the float ones once restored', () => {
    const b = built();
    const float = predict(b);
    const restore = enableFakeQuant(b, qatPlan(model));
    const fake = predict(b);
    const grid = {
      embed: { embeddings: quantizeGrid('int4', weights.embed?.embeddings as Float32Array, 3) },
      gru: {
        ...weights.gru,
        kernel: quantizeGrid('ternary', kernel('kernel'), 12),
        recurrent_kernel: quantizeGrid('ternary', kernel('recurrent_kernel'), 12),
      },
      fc: { ...weights.fc, kernel: quantizeGrid('int4', weights.fc?.kernel as Float32Array, 2) },
    };
    expect(fake).toEqual(predict(built(grid)));
    expect(fake).not.toEqual(float);
    restore();
    expect(predict(b)).toEqual(float);
  });

  it('trains the float table and GRU kernels through the grid', async () => {
    const b = built();
    enableFakeQuant(b, qatPlan(model));
    b.model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    const before = extractWeights(b);
    await b.model.trainOnBatch(input, tf.tensor([[1, -1]]));
    const after = extractWeights(b);
    // Rows of the table learn where a token looks them up: token 3's row does, token 0's does not.
    const row = (w: typeof after, token: number) =>
      Array.from(w.embed?.embeddings ?? []).slice(3 * token, 3 * token + 3);
    expect(row(after, 3)).not.toEqual(row(before, 3));
    expect(row(after, 0)).toEqual(row(before, 0));
    for (const name of ['kernel', 'recurrent_kernel']) {
      const old = before.gru?.[name] as Float32Array;
      const moved = Array.from(after.gru?.[name] as Float32Array).filter((v, i) => v !== old[i]);
      // Zeroed ternary weights learn too: almost every weight moves.
      expect(moved.length, name).toBeGreaterThan(0.9 * old.length);
    }
  });
});
