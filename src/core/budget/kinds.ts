import type { ElementKind, MacKind } from '../chips/types.ts';

const MAC_OPS: Readonly<Record<string, MacKind>> = {
  Dense: 'dense',
  Conv2D: 'conv2d',
  DepthwiseConv2D: 'depthwise',
  Conv1D: 'conv1d',
  GRU: 'gru',
  Spectrogram: 'spectrogram',
};

const POOL_OPS: ReadonlySet<string> = new Set([
  'MaxPooling2D',
  'AveragePooling2D',
  'MaxPooling1D',
  'GlobalAveragePooling2D',
]);

/**
 * How a step's cost is counted: MAC-bound kernels by their MACs, pooling by the input elements its windows
 * read, and every other step (Add, Concatenate, Softmax, Activation, BatchNormalization, Embedding) by the
 * elements it writes.
 */
export function workKind(op: string): { readonly mac: MacKind } | { readonly element: ElementKind } {
  const mac = MAC_OPS[op];
  if (mac) return { mac };
  if (op === 'Embedding') return { element: 'embedding' };
  return { element: POOL_OPS.has(op) ? 'pool' : 'elementwise' };
}
