import { decodeUtf8 } from '../../blob/utf8.ts';
import { MinnowError } from '../../errors.ts';
import type { ImportFile } from '../types.ts';
import { isObject } from './config.ts';

/** The parts of a tfjs model.json the importer reads. */
export interface ModelJson {
  readonly file: string;
  /** The Keras model config: `{ class_name, config }`. */
  readonly model: Record<string, unknown>;
  readonly manifest: unknown;
}

function parse(file: ImportFile): unknown {
  try {
    return JSON.parse(decodeUtf8(file.bytes)) as unknown;
  } catch (e) {
    throw new MinnowError('IMPORT_MODEL_JSON', {
      file: file.name,
      detail: `it is not valid JSON (${(e as Error).message}).`,
    });
  }
}

/** The Keras model config of a model.json: tfjs `modelTopology`, nested `model_config`, or the top level. */
function modelConfigOf(json: Record<string, unknown>): Record<string, unknown> | undefined {
  const topology = isObject(json.modelTopology) ? json.modelTopology : json;
  const model = isObject(topology.model_config) ? topology.model_config : topology;
  return typeof model.class_name === 'string' && model.config !== undefined ? model : undefined;
}

/**
 * Picks the model.json among the files (Teachable Machine adds a metadata.json beside it) and checks that it
 * is a tfjs Layers model with a weights manifest.
 */
export function findModelJson(files: readonly ImportFile[]): ModelJson {
  const names = files.map((f) => f.name).join(', ') || 'none';
  const jsons = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  if (jsons.length === 0) {
    throw new MinnowError('IMPORT_NO_MODEL_JSON', { files: names, detail: 'there is no .json file.' });
  }
  const parsed = jsons.map((file) => ({ file, json: parse(file) }));
  const models = parsed.filter(
    ({ json }) =>
      isObject(json) &&
      (json.modelTopology !== undefined || json.format === 'graph-model' || modelConfigOf(json)),
  );
  if (models.length > 1) {
    throw new MinnowError('IMPORT_NO_MODEL_JSON', {
      files: names,
      detail: `${models.map((m) => m.file.name).join(' and ')} are both models; import one at a time.`,
    });
  }
  const [found] = models;
  if (!found) {
    const only = jsons.length === 1 ? (jsons[0] as ImportFile).name : undefined;
    if (only)
      throw new MinnowError('IMPORT_MODEL_JSON', { file: only, detail: 'it has no "modelTopology".' });
    throw new MinnowError('IMPORT_NO_MODEL_JSON', {
      files: names,
      detail: 'no .json file holds a "modelTopology".',
    });
  }
  const json = found.json as Record<string, unknown>;
  const file = found.file.name;
  if (json.format === 'graph-model') {
    throw new MinnowError('IMPORT_MODEL_JSON', {
      file,
      detail: 'it is a tfjs graph model, which holds TensorFlow ops rather than layers.',
    });
  }
  const model = modelConfigOf(json);
  if (!model)
    throw new MinnowError('IMPORT_MODEL_JSON', {
      file,
      detail: '"modelTopology" holds no model with "class_name" and "config".',
    });
  if (json.weightsManifest === undefined) {
    throw new MinnowError('IMPORT_MODEL_JSON', {
      file,
      detail: 'it has no "weightsManifest", so no trained weights come with it.',
    });
  }
  return { file, model, manifest: json.weightsManifest };
}
