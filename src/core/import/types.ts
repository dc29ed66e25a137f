import type { ModelSpec } from '../model/types';
import type { ExactQuant } from '../quant/exact';
import type { FloatWeights } from '../quant/types';

/** One file handed to an importer: a `.tflite`, a tfjs `model.json` or one of its weight shards. */
export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Where an imported model came from, kept with the project so the user can tell. */
export interface ImportSource {
  readonly format: 'tflite' | 'tfjs-layers';
  /** The file the model was read from (for a tfjs model, its model.json). */
  readonly file: string;
}

/**
 * A model read from another framework's files, in Minnow's own terms: a model file the designer edits and
 * float weights the trainer, calibration and packing take as if trained here. `quantization` is present
 * only for an int8 model whose scales, zero points and integer weights must be kept exactly.
 */
export interface ImportedModel<Q = ExactQuant> {
  readonly model: ModelSpec;
  readonly weights: FloatWeights;
  readonly quantization?: Q;
  /** Plain sentences on what the import changed: edge QUANTIZE/DEQUANTIZE dropped, ops fused, names made unique. */
  readonly notes: readonly string[];
  readonly source: ImportSource;
}
