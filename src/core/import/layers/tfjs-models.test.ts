import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../model/analyze.ts';
import { importModelFiles } from '../index.ts';
import { floatOutputs, int8Outputs, maxDiff, seedWeights, tfjsOutputs, uniform } from './test-compare.ts';
import { savedModel } from './test-save.ts';

/** Imports what tfjs saved and checks every layer's shape and parameter count against tfjs's own. */
async function importAndCompare(model: tf.LayersModel) {
  seedWeights(model, 5);
  const imported = importModelFiles(await savedModel(model));
  const analyzed = analyzeModel(imported.model);
  for (const layer of analyzed.layers) {
    const theirs = model.layers.find((l) => l.name === layer.id);
    if (!theirs) continue;
    expect(layer.outputShape, `${layer.id} output shape`).toEqual((theirs.outputShape as number[]).slice(1));
    // A SeparableConv2D becomes two layers: its depthwise half is "<name>_depthwise".
    const half = analyzed.layers.find((l) => l.id === `${layer.id}_depthwise`)?.paramCount ?? 0;
    expect(layer.paramCount + half, `${layer.id} parameters`).toBe(theirs.countParams());
  }
  return { imported, analyzed };
}

describe('tfjs Layers models saved by tfjs itself', () => {
  it('imports a Sequential CNN with its weights: shapes, params, MACs and outputs as tfjs', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({
          inputShape: [12, 12, 2],
          filters: 4,
          kernelSize: 3,
          padding: 'same',
          activation: 'relu',
        }),
        tf.layers.batchNormalization(),
        tf.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 5, kernelSize: 2, strides: 2, useBias: false }),
        tf.layers.averagePooling2d({ poolSize: 1 }),
        tf.layers.dropout({ rate: 0.25 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 6, activation: 'relu' }),
        tf.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    });
    // BatchNormalization statistics that are not the identity, so folding them is really exercised.
    const bn = model.layers[1] as tf.layers.Layer;
    bn.setWeights(
      bn.getWeights().map((w, i) => tf.randomUniform(w.shape, i === 3 ? 0.5 : -0.5, 1.5, 'float32', i)),
    );
    const { imported, analyzed } = await importAndCompare(model);
    expect(imported.source).toEqual({ format: 'tfjs-layers', file: 'model.json' });
    expect(analyzed.layers.map((l) => l.type)).toEqual([
      'Conv2D',
      'BatchNormalization',
      'DepthwiseConv2D',
      'MaxPooling2D',
      'Conv2D',
      'AveragePooling2D',
      'Dropout',
      'Flatten',
      'Dense',
      'Dense',
    ]);
    expect(analyzed.paramCount).toBe(model.countParams());
    // By hand: 12·12·4·3·3·2 + 10·10·8·3·3 + 2·2·5·2·2·8 + 20·6 + 6·3.
    expect(analyzed.macs).toBe(10368 + 7200 + 640 + 120 + 18);
    const samples = uniform(16, 12 * 12 * 2, 7);
    const want = tfjsOutputs(model, samples);
    expect(maxDiff(floatOutputs(imported, samples), want)).toBeLessThan(1e-5);
    const int8 = int8Outputs(imported, uniform(64, 12 * 12 * 2, 8), samples);
    // int8 probabilities: within a few output steps of tfjs's float.
    expect(maxDiff(int8.outputs, want)).toBeLessThan(0.08);
  });

  it('flattens a Functional model with branches, Add, Concatenate, SeparableConv2D and a folded ZeroPadding2D', async () => {
    const input = tf.input({ shape: [8, 8, 3] });
    const stem = tf.layers
      .conv2d({ filters: 4, kernelSize: 1, name: 'stem' })
      .apply(input) as tf.SymbolicTensor;
    const padded = tf.layers
      .zeroPadding2d({
        padding: [
          [0, 1],
          [0, 1],
        ],
        name: 'pad',
      })
      .apply(stem) as tf.SymbolicTensor;
    const down = tf.layers
      .depthwiseConv2d({ kernelSize: 3, strides: 2, padding: 'valid', name: 'down' })
      .apply(padded) as tf.SymbolicTensor;
    const a = tf.layers.reLU({ maxValue: 6, name: 'relu6' }).apply(down) as tf.SymbolicTensor;
    const b = tf.layers
      .separableConv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'tanh', name: 'sep' })
      .apply(down) as tf.SymbolicTensor;
    const sum = tf.layers.add({ name: 'sum' }).apply([a, b]) as tf.SymbolicTensor;
    const side = tf.layers
      .conv2d({ filters: 2, kernelSize: 1, activation: 'sigmoid', name: 'side' })
      .apply(down);
    const joined = tf.layers.concatenate({ name: 'joined' }).apply([sum, side as tf.SymbolicTensor]);
    const pooled = tf.layers.globalAveragePooling2d({ name: 'gap' }).apply(joined as tf.SymbolicTensor);
    const out = tf.layers
      .dense({ units: 3, name: 'out' })
      .apply(pooled as tf.SymbolicTensor) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    const { imported, analyzed } = await importAndCompare(model);
    expect(analyzed.layers.find((l) => l.id === 'down')?.params.padding).toBe('same');
    expect(analyzed.layers.some((l) => l.id === 'pad')).toBe(false);
    expect(analyzed.layers.find((l) => l.id === 'sep_depthwise')?.type).toBe('DepthwiseConv2D');
    expect(analyzed.paramCount).toBe(model.countParams());
    expect(imported.notes.join(' ')).toMatch(/ZeroPadding2D "pad" was folded into "down"/);
    expect(imported.notes.join(' ')).toMatch(/SeparableConv2D "sep"/);
    const samples = uniform(8, 8 * 8 * 3, 3);
    const want = tfjsOutputs(model, samples);
    expect(maxDiff(floatOutputs(imported, samples), want)).toBeLessThan(1e-5);
    const int8 = int8Outputs(imported, uniform(64, 8 * 8 * 3, 4), samples);
    expect(maxDiff(int8.outputs, want)).toBeLessThan(12 * int8.step);
  });

  it('imports sequence models: Embedding, Conv1D, MaxPooling1D, GRU, GlobalAveragePooling1D', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.embedding({ inputDim: 20, outputDim: 6, inputLength: 10, inputShape: [10] }),
        tf.layers.conv1d({ filters: 5, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling1d({ poolSize: 2 }),
        tf.layers.gru({ units: 4, returnSequences: true }),
        tf.layers.globalAveragePooling1d({}),
        tf.layers.dense({ units: 2, activation: 'sigmoid' }),
      ],
    });
    const { imported, analyzed } = await importAndCompare(model);
    expect(analyzed.paramCount).toBe(model.countParams());
    // By hand: Conv1D 8·5·3·6, GRU 4 steps · 3·(5·4 + 4·4), Dense 4·2.
    expect(analyzed.macs).toBe(720 + 432 + 8);
    const samples = uniform(8, 10, 5, 0, 20).map((x) => x.map(Math.floor));
    expect(maxDiff(floatOutputs(imported, samples), tfjsOutputs(model, samples))).toBeLessThan(1e-5);
  });

  it('maps AveragePooling1D and global max pooling to Minnow pooling layers with the same outputs', async () => {
    const sequence = tf.sequential({
      layers: [
        tf.layers.conv1d({ inputShape: [16, 3], filters: 4, kernelSize: 3, activation: 'relu', name: 'c1' }),
        tf.layers.averagePooling1d({ poolSize: 2, name: 'avg' }),
        tf.layers.conv1d({ filters: 4, kernelSize: 2, name: 'c2' }),
        tf.layers.globalMaxPooling1d({ name: 'gmax1' }),
        tf.layers.dense({ units: 2, name: 'out' }),
      ],
    });
    const image = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [8, 8, 2], filters: 3, kernelSize: 3, name: 'c' }),
        tf.layers.globalMaxPooling2d({ name: 'gmax2' }),
        tf.layers.dense({ units: 2, name: 'out' }),
      ],
    });
    for (const [model, size] of [
      [sequence, 16 * 3],
      [image, 8 * 8 * 2],
    ] as const) {
      const { imported, analyzed } = await importAndCompare(model);
      expect(analyzed.paramCount).toBe(model.countParams());
      const samples = uniform(8, size, 21);
      expect(maxDiff(floatOutputs(imported, samples), tfjsOutputs(model, samples))).toBeLessThan(1e-5);
    }
  });
});
