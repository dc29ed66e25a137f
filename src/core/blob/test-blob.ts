/** Test support: a small blob exercising many ops, and a way to corrupt it field by field. */
import { analyzeModel } from '../model/analyze.ts';
import type { ModelSpec } from '../model/types.ts';
import { randomInputs, randomWeights } from '../quant/random-weights.ts';
import { compileModel } from './compile.ts';
import { blobCrc, ENTRY_SIZE, HEADER_SIZE } from './format.ts';
import { readBlob } from './reader.ts';

export const SAMPLE_SPEC: ModelSpec = {
  format: 'minnow-model',
  version: 1,
  name: 'sample',
  input: { shape: [6, 6, 2] },
  layers: [
    { id: 'c1', type: 'Conv2D', filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' },
    { id: 'c2', type: 'Conv2D', filters: 4, kernelSize: 1, inputs: ['input'] },
    { id: 'sum', type: 'Add', inputs: ['c1', 'c2'] },
    { id: 'pool', type: 'MaxPooling2D' },
    { id: 'flat', type: 'Flatten' },
    { id: 'd', type: 'Dense', units: 5, activation: 'sigmoid' },
    { id: 'out', type: 'Dense', units: 3, activation: 'softmax' },
  ],
};

export function sampleBlob(testVector = true): Uint8Array {
  const model = analyzeModel(SAMPLE_SPEC);
  return compileModel(model, randomWeights(model, 5), { calibration: randomInputs(model, 8, 5), testVector })
    .blob;
}

/** A copy of `blob` changed by `edit`, with the CRC made valid again so the structural checks are reached. */
export function mutate(
  blob: Uint8Array,
  edit: (view: DataView, bytes: Uint8Array) => void,
  fixCrc = true,
): Uint8Array {
  const bytes = blob.slice();
  const view = new DataView(bytes.buffer);
  edit(view, bytes);
  if (fixCrc) {
    const total = Math.min(view.getUint32(8, true), bytes.length);
    if (total >= 16) view.setUint32(12, blobCrc(bytes, total), true);
  }
  return bytes;
}

/** Byte offsets of table entries in the sample blob. */
export function layout(blob: Uint8Array) {
  const parsed = readBlob(blob);
  const tensorAt = (id: number) => HEADER_SIZE + ENTRY_SIZE * id;
  const opAt = (i: number) => HEADER_SIZE + ENTRY_SIZE * (parsed.tensors.length + i);
  return { parsed, tensorAt, opAt };
}
