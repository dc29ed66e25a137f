import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../../blob/utf8.ts';
import { analyzeModel } from '../../model/analyze.ts';
import { importModelFiles } from '../index.ts';
import { floatOutputs, int8Outputs, maxDiff, seedWeights, tfjsOutputs, uniform } from './test-compare.ts';
import { savedFiles } from './test-save.ts';

type Sym = tf.SymbolicTensor;
const apply = (layer: tf.layers.Layer, x: Sym | Sym[]) => layer.apply(x) as Sym;

/** A small MobileNetV2-shaped base as Keras builds it (ZeroPadding2D before stride-2, ReLU6, a residual Add). */
function mobileNetBase(): tf.LayersModel {
  const input = tf.input({ shape: [16, 16, 3], name: 'input_1' });
  let x = apply(
    tf.layers.conv2d({
      filters: 8,
      kernelSize: 3,
      strides: 2,
      padding: 'same',
      useBias: false,
      name: 'Conv1',
    }),
    input,
  );
  x = apply(tf.layers.batchNormalization({ name: 'bn_Conv1' }), x);
  x = apply(tf.layers.reLU({ maxValue: 6, name: 'Conv1_relu' }), x);
  x = apply(
    tf.layers.zeroPadding2d({
      padding: [
        [0, 1],
        [0, 1],
      ],
      name: 'block_1_pad',
    }),
    x,
  );
  x = apply(
    tf.layers.depthwiseConv2d({ kernelSize: 3, strides: 2, useBias: false, name: 'block_1_depthwise' }),
    x,
  );
  x = apply(tf.layers.batchNormalization({ name: 'block_1_depthwise_BN' }), x);
  x = apply(tf.layers.reLU({ maxValue: 6, name: 'block_1_depthwise_relu' }), x);
  const project = apply(
    tf.layers.conv2d({ filters: 8, kernelSize: 1, useBias: false, name: 'block_1_project' }),
    x,
  );
  const projected = apply(tf.layers.batchNormalization({ name: 'block_1_project_BN' }), project);
  const expand = apply(
    tf.layers.conv2d({ filters: 8, kernelSize: 1, activation: 'relu', name: 'block_2_expand' }),
    projected,
  );
  x = apply(tf.layers.add({ name: 'block_2_add' }), [projected, expand]);
  x = apply(tf.layers.reLU({ maxValue: 6, name: 'out_relu' }), x);
  x = apply(tf.layers.globalAveragePooling2d({ name: 'global_average_pooling2d_1' }), x);
  return tf.model({ inputs: input, outputs: x, name: 'model1' });
}

/** What Teachable Machine's image project exports: Sequential[ truncated MobileNet, Sequential head ]. */
function teachableMachineImageModel(): tf.Sequential {
  const head = tf.sequential({
    name: 'sequential_2',
    layers: [
      tf.layers.dense({ inputShape: [8], units: 100, activation: 'relu', name: 'dense_Dense1' }),
      tf.layers.dense({ units: 3, activation: 'softmax', useBias: false, name: 'dense_Dense2' }),
    ],
  });
  return tf.sequential({ name: 'sequential_3', layers: [mobileNetBase(), head] });
}

describe('Teachable Machine exports', () => {
  it('flattens the nested MobileNet and head into one model that computes what tfjs computes', async () => {
    const model = teachableMachineImageModel();
    seedWeights(model, 9);
    const { json, shard } = await savedFiles(model);
    // Teachable Machine zips a metadata.json beside model.json and calls the shard weights.bin.
    const manifest = (json.weightsManifest as { paths: string[] }[])[0] as { paths: string[] };
    manifest.paths = ['./weights.bin'];
    const metadata = { tfjsVersion: '1.3.1', modelName: 'tm-my-image-model', labels: ['a', 'b', 'c'] };
    const imported = importModelFiles([
      { name: 'metadata.json', bytes: encodeUtf8(JSON.stringify(metadata)) },
      { name: 'model.json', bytes: encodeUtf8(JSON.stringify(json)) },
      { name: 'weights.bin', bytes: shard },
    ]);
    const analyzed = analyzeModel(imported.model);
    expect(analyzed.inputShape).toEqual([16, 16, 3]);
    expect(analyzed.layers.map((l) => l.id)).toEqual([
      'Conv1',
      'bn_Conv1',
      'Conv1_relu',
      'block_1_depthwise',
      'block_1_depthwise_BN',
      'block_1_depthwise_relu',
      'block_1_project',
      'block_1_project_BN',
      'block_2_expand',
      'block_2_add',
      'out_relu',
      'global_average_pooling2d_1',
      'dense_Dense1',
      'dense_Dense2',
    ]);
    expect(analyzed.layers.find((l) => l.id === 'block_2_add')?.inputs).toEqual([
      'block_1_project_BN',
      'block_2_expand',
    ]);
    expect(analyzed.paramCount).toBe(model.countParams());
    // By hand: Conv1 8·8·8·3·3·3, depthwise 4·4·8·3·3, project 4·4·8·8, expand 4·4·8·8, head 8·100 + 100·3.
    expect(analyzed.macs).toBe(13824 + 1152 + 1024 + 1024 + 800 + 300);
    const samples = uniform(8, 16 * 16 * 3, 11, 0, 1);
    const want = tfjsOutputs(model, samples);
    expect(maxDiff(floatOutputs(imported, samples), want)).toBeLessThan(1e-5);
    const int8 = int8Outputs(imported, uniform(64, 16 * 16 * 3, 12, 0, 1), samples);
    expect(maxDiff(int8.outputs, want)).toBeLessThan(0.1);
  });

  it('imports a pose / audio style head: Dense layers on a vector, and a spectrogram CNN', async () => {
    const audio = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [43, 232, 1], filters: 2, kernelSize: [2, 8], activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }),
        tf.layers.flatten(),
        tf.layers.dropout({ rate: 0.25 }),
        tf.layers.dense({ units: 4, activation: 'softmax' }),
      ],
    });
    const { json, shard } = await savedFiles(audio);
    const imported = importModelFiles([
      { name: 'model.json', bytes: encodeUtf8(JSON.stringify(json)) },
      { name: 'group1-shard1of1.bin', bytes: shard },
    ]);
    expect(analyzeModel(imported.model).paramCount).toBe(audio.countParams());
    const samples = uniform(2, 43 * 232, 2);
    expect(maxDiff(floatOutputs(imported, samples), tfjsOutputs(audio, samples))).toBeLessThan(1e-5);
  });
});
