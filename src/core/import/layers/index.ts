import type { ImportFile, ImportedModel } from '../types';

/** Reads a tfjs Layers model (`model.json` and its weight shards) into a Minnow model. */
export function importLayersModel(files: readonly ImportFile[]): ImportedModel {
  throw new Error(`Reading ${files.map((f) => f.name).join(', ')}: tfjs model import is not available yet.`);
}
