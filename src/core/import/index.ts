import { importLayersModel } from './layers';
import { importTflite } from './tflite';
import type { ImportFile, ImportedModel } from './types';

export type { ImportFile, ImportedModel, ImportSource } from './types';

/** Reads a model from the files a user dropped or named: one `.tflite`, or a `model.json` with its shards. */
export function importModelFiles(files: readonly ImportFile[]): ImportedModel {
  const tflite = files.find((f) => f.name.toLowerCase().endsWith('.tflite'));
  if (tflite) return importTflite(tflite);
  return importLayersModel(files);
}
