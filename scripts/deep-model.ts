import type { LayerSpec, ModelSpec } from '../src/core/model/types.ts';

/**
 * A deterministic model of exactly `layers` layers for timing: a 32x32x3 image through repeated
 * Conv2D / BatchNormalization / ReLU / DepthwiseConv2D blocks with a residual Add every block, then a head.
 */
export function deepModel(layers: number): ModelSpec {
  const out: LayerSpec[] = [{ id: 'stem', type: 'Conv2D', filters: 16, kernelSize: 3, padding: 'same' }];
  let last = 'stem';
  const block = ['Conv2D', 'BatchNormalization', 'ReLU', 'DepthwiseConv2D', 'Add'];
  for (let i = 0; out.length < layers - 3; i++) {
    const type = block[i % block.length] as string;
    const id = `l${i}`;
    if (type === 'Conv2D') out.push({ id, type, filters: 16, kernelSize: 1 });
    else if (type === 'DepthwiseConv2D') out.push({ id, type, kernelSize: 3, padding: 'same' });
    else if (type === 'Add') out.push({ id, type, inputs: [last, `l${i - 1}`] });
    else out.push({ id, type });
    if (type === 'Add') last = id;
  }
  out.push({ id: 'pool', type: 'GlobalAveragePooling2D' });
  out.push({ id: 'fc', type: 'Dense', units: 32, activation: 'relu' });
  out.push({ id: 'out', type: 'Dense', units: 10, activation: 'softmax' });
  return {
    format: 'minnow-model',
    version: 1,
    name: `deep-${layers}`,
    input: { shape: [32, 32, 3] },
    layers: out,
  };
}

/**
 * A deterministic model of about `params` parameters for timing: a vector through three equal Dense layers
 * (`fc` the first) and a 10-way head, the shape of a large MLP a new user might draw.
 */
export function wideModel(params: number): ModelSpec {
  // Three n×n kernels dominate: n ≈ sqrt(params / 3).
  const n = Math.ceil(Math.sqrt(params / 3));
  return {
    format: 'minnow-model',
    version: 1,
    name: `wide-${Math.round(params / 1e6)}m`,
    input: { shape: [n] },
    layers: [
      { id: 'fc', type: 'Dense', units: n, activation: 'relu' },
      { id: 'fc2', type: 'Dense', units: n, activation: 'relu' },
      { id: 'fc3', type: 'Dense', units: n, activation: 'relu' },
      { id: 'out', type: 'Dense', units: 10, activation: 'softmax' },
    ],
  };
}
