import type { ImportFile, ImportedModel } from '../types';

/** Reads a TensorFlow Lite FlatBuffer into a Minnow model. */
export function importTflite(file: ImportFile): ImportedModel {
  throw new Error(`Reading ${file.name}: TensorFlow Lite import is not available yet.`);
}
