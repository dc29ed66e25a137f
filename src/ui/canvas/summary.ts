import type { LayerSpec } from '../../core/model/types.ts';

const dims = (v: unknown): string => (Array.isArray(v) ? v.join('×') : `${String(v)}×${String(v)}`);

/** What each parameter says on a node, in a few characters; parameters not listed are not shown. */
const PARTS: Readonly<Record<string, (v: unknown, layer: LayerSpec) => string | null>> = {
  units: (v) => `${String(v)} units`,
  filters: (v) => `${String(v)} filters`,
  kernelSize: (v, l) => `${l.type === 'Conv1D' ? String(v) : dims(v)} kernel`,
  poolSize: (v, l) => `${l.type === 'MaxPooling1D' ? String(v) : dims(v)} pool`,
  strides: (v) => (v === 1 || (Array.isArray(v) && v.every((s) => s === 1)) ? null : `stride ${dims(v)}`),
  padding: (v) => (v === 'same' ? 'same padding' : null),
  depthMultiplier: (v) => (v === 1 ? null : `×${String(v)} depth`),
  rate: (v) => `rate ${String(v)}`,
  targetShape: (v) => `to [${Array.isArray(v) ? v.join(', ') : String(v)}]`,
  inputDim: (v) => `vocabulary ${String(v)}`,
  outputDim: (v) => `${String(v)}-d`,
  maxValue: (v) => (v === null ? null : `max ${String(v)}`),
  activation: (v) => (v === 'linear' ? null : String(v)),
  returnSequences: (v) => (v === true ? 'sequences' : null),
  // int8 is the default; a packed layer says so, since it changes the flash the node costs.
  packing: (v) => (v === 'int8' ? null : `${String(v)} weights`),
};

/** One line describing a layer's parameters on its node: "100 units · relu". */
export function layerSummary(layer: LayerSpec): string {
  return Object.entries(PARTS)
    .filter(([key]) => layer[key] !== undefined)
    .map(([key, part]) => part(layer[key], layer))
    .filter((s): s is string => s !== null)
    .join(' · ');
}
