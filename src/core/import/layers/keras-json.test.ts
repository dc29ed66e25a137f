import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../../blob/utf8.ts';
import { importModelFiles } from '../index.ts';
import type { ImportFile } from '../types.ts';
import { floatOutputs } from './test-compare.ts';

/** A model.json as tensorflowjs_converter writes a Keras model: the Keras config under `model_config`. */
function converted(
  modelConfig: unknown,
  weights: { name: string; shape: number[]; values: number[] }[],
): ImportFile[] {
  const bytes = new Uint8Array(4 * weights.reduce((n, w) => n + w.values.length, 0));
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const w of weights) for (const v of w.values) view.setFloat32(at++ * 4, v, true);
  const json = {
    format: 'layers-model',
    generatedBy: 'keras v2.15.0',
    convertedBy: 'TensorFlow.js Converter v4.22.0',
    modelTopology: {
      keras_version: '2.15.0',
      backend: 'tensorflow',
      model_config: modelConfig,
      training_config: {},
    },
    weightsManifest: [
      {
        paths: ['group1-shard1of1.bin'],
        weights: weights.map(({ name, shape }) => ({ name, shape, dtype: 'float32' })),
      },
    ],
  };
  return [
    { name: 'model.json', bytes: encodeUtf8(JSON.stringify(json)) },
    { name: 'group1-shard1of1.bin', bytes },
  ];
}

/** Keras 3 writes inbound nodes as call arguments whose tensors carry `keras_history`. */
const tensor = (layer: string) => ({
  class_name: '__keras_tensor__',
  config: { shape: [null, 2], dtype: 'float32', keras_history: [layer, 0, 0] },
});

describe('Keras models converted with tensorflowjs_converter', () => {
  it('reads a Keras 3 functional model: Rescaling and Normalization become exact per-channel affine maps', () => {
    const layers = [
      {
        class_name: 'InputLayer',
        name: 'inputs',
        config: { name: 'inputs', batch_shape: [null, 2] },
        inbound_nodes: [],
      },
      {
        class_name: 'Rescaling',
        name: 'scale',
        config: { name: 'scale', scale: 0.5, offset: 1 },
        inbound_nodes: [{ args: [tensor('inputs')], kwargs: {} }],
      },
      {
        class_name: 'Normalization',
        name: 'norm',
        config: { name: 'norm', axis: [-1] },
        inbound_nodes: [{ args: [tensor('scale')], kwargs: {} }],
      },
      {
        class_name: 'Dense',
        name: 'out',
        config: { name: 'out', units: 1, activation: 'linear', use_bias: true },
        inbound_nodes: [{ args: [tensor('norm')], kwargs: {} }],
      },
    ];
    const config = {
      class_name: 'Functional',
      config: { name: 'keras3', layers, input_layers: [['inputs', 0, 0]], output_layers: [['out', 0, 0]] },
    };
    const files = converted(config, [
      { name: 'norm/mean', shape: [2], values: [1, 2] },
      { name: 'norm/variance', shape: [2], values: [4, 0.25] },
      { name: 'norm/count', shape: [], values: [10] },
      { name: 'out/kernel', shape: [2, 1], values: [1, 1] },
      { name: 'out/bias', shape: [1], values: [0.5] },
    ]);
    const imported = importModelFiles(files);
    expect(imported.model.layers.map((l) => l.type)).toEqual([
      'BatchNormalization',
      'BatchNormalization',
      'Dense',
    ]);
    expect(imported.notes.join(' ')).toMatch(/Rescaling "scale" became a BatchNormalization/);
    expect(imported.notes.join(' ')).toMatch(/1 weights of the manifest belong to no imported layer/);
    // By hand for x = [2, 4]: scaled [2, 3]; normalized [(2 − 1)/2, (3 − 2)/0.5] = [0.5, 2]; out 0.5 + 2 + 0.5.
    const [out] = floatOutputs(imported, [Float32Array.of(2, 4)]);
    expect(out?.[0]).toBeCloseTo(3, 5);
  });

  it("finds a Keras GRU's weights named after its cell (gru/gru_cell/kernel)", () => {
    const layers = [
      { class_name: 'InputLayer', config: { name: 'in', batch_input_shape: [null, 3, 2] } },
      {
        class_name: 'GRU',
        config: { name: 'gru', units: 1, reset_after: false, recurrent_activation: 'sigmoid' },
      },
    ];
    const kernel = [1, 2, 3, 4, 5, 6];
    const files = converted({ class_name: 'Sequential', config: { name: 'seq', layers } }, [
      { name: 'gru/gru_cell/kernel', shape: [2, 3], values: kernel },
      { name: 'gru/gru_cell/recurrent_kernel', shape: [1, 3], values: [7, 8, 9] },
      { name: 'gru/gru_cell/bias', shape: [3], values: [0.1, 0.2, 0.3] },
    ]);
    const imported = importModelFiles(files);
    expect([...(imported.weights.gru?.kernel ?? [])]).toEqual(kernel);
    expect([...(imported.weights.gru?.recurrent_kernel ?? [])]).toEqual([7, 8, 9]);
    expect(imported.model.layers[0]).toMatchObject({ type: 'GRU', recurrentActivation: 'sigmoid' });
  });

  it('reads a Keras 2 Sequential under model_config with nested-model weight names', () => {
    const layers = [
      {
        class_name: 'Dense',
        config: {
          name: 'hidden',
          units: 2,
          activation: 'relu',
          use_bias: true,
          batch_input_shape: [null, 3],
        },
      },
      { class_name: 'Dense', config: { name: 'hidden', units: 1, activation: 'sigmoid', use_bias: false } },
    ];
    const files = converted({ class_name: 'Sequential', config: { name: 'seq', layers } }, [
      { name: 'seq/hidden/kernel', shape: [3, 2], values: [1, 0, 0, 1, 1, -1] },
      { name: 'seq/hidden/bias', shape: [2], values: [0, 0.5] },
      { name: 'seq/hidden/kernel', shape: [2, 1], values: [2, -1] },
    ]);
    const imported = importModelFiles(files);
    expect(imported.model.layers.map((l) => l.id)).toEqual(['hidden', 'hidden_2']);
    expect(imported.notes[0]).toMatch(/"hidden" → "hidden_2"/);
    // By hand for x = [1, 2, 3]: hidden relu([1 + 3, 2 − 3 + 0.5]) = [4, 0]; out sigmoid(8).
    const [out] = floatOutputs(imported, [Float32Array.of(1, 2, 3)]);
    expect(out?.[0]).toBeCloseTo(1 / (1 + Math.exp(-8)), 6);
  });
});
