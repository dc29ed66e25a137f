import { decodeCaptures, encodeCaptures } from '../core/capture/project-field.ts';
import { MinnowError } from '../core/errors.ts';
import { parseModelSpec } from '../core/model/analyze.ts';
import type { ModelSpec } from '../core/model/types.ts';
import {
  MAX_PROJECT_FILE_BYTES,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  projectFileSchema,
  READABLE_VERSIONS,
} from './project-schema.ts';
import type { Project } from './types.ts';
import { malformed, parsePart } from './schema-error.ts';
import { decodeWeights, encodeWeights } from './weights-file.ts';
import { decodeTraining, encodeTraining } from './training-file.ts';
import type { TrainingRecord } from './training-types.ts';
import { parseJsonText } from '../core/json-text.ts';
import { exactFloatWeights } from '../core/quant/exact.ts';
import type { FloatWeights } from '../core/quant/types.ts';
import { textKeyed } from '../core/text-keys.ts';
import { decodeQuant, encodeQuant } from './quant-file.ts';

/** A project as read from a file: everything but the id, which the app assigns. */
export type ProjectFile = Omit<Project, 'id'>;

function isObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function checkModel(raw: unknown): ModelSpec {
  try {
    return parseModelSpec(raw);
  } catch (e) {
    if (!(e instanceof MinnowError)) throw e;
    throw malformed('model', `${e.message} ${e.hint}`);
  }
}

/** Checks a parsed project file (docs/PROJECT.md) and returns it typed, or throws a coded error. */
export function parseProject(raw: unknown): ProjectFile {
  if (isObject(raw) && typeof raw.version === 'number' && !READABLE_VERSIONS.includes(raw.version)) {
    throw new MinnowError('PROJECT_VERSION', {
      version: raw.version,
      readable: `${READABLE_VERSIONS.slice(0, -1).join(', ')} and ${String(READABLE_VERSIONS.at(-1))}`,
    });
  }
  const {
    version,
    name,
    chip,
    model,
    weights,
    training,
    source,
    quantization,
    captures,
    createdAt,
    updatedAt,
  } = parsePart(projectFileSchema, raw, '');
  if (version < 2 && weights !== undefined) {
    throw malformed('weights', 'weights need a version 2 file');
  }
  if (version < 3 && training !== undefined) {
    throw malformed('training', 'a training record needs a version 3 file');
  }
  if (version < 4 && (source !== undefined || quantization !== undefined)) {
    throw malformed(
      source === undefined ? 'quantization' : 'source',
      'an imported model needs a version 4 file',
    );
  }
  const spec = checkModel(model);
  const exact = quantization === undefined ? undefined : decodeQuant(quantization);
  // PQ-2: the int8 layers' real weights are derived from their integers, not stored twice.
  const floats =
    weights === undefined && !exact
      ? undefined
      : {
          ...(weights === undefined ? {} : decodeWeights(weights)),
          ...(exact ? exactFloatWeights(spec, exact) : {}),
        };
  return {
    name,
    chipId: chip,
    model: spec,
    ...(floats === undefined ? {} : { weights: floats }),
    ...(training === undefined ? {} : { training: decodeTraining(training) }),
    ...(source === undefined ? {} : { source }),
    ...(exact === undefined ? {} : { quantization: exact }),
    ...(captures === undefined ? {} : { captures: decodeCaptures(captures) }),
    createdAt,
    updatedAt,
  };
}

/**
 * Reads an imported file: a project file, or a bare model file (which becomes a project on `defaultChip`).
 * Throws a coded error and never returns a partial result.
 */
export function parseProjectText(text: string, defaultChip: string, now: string): ProjectFile {
  if (text.length > MAX_PROJECT_FILE_BYTES) {
    throw malformed('(top level)', 'the file is larger than 16 MB');
  }
  let raw: unknown;
  try {
    raw = parseJsonText(text);
  } catch (e) {
    throw new MinnowError('PROJECT_NOT_JSON', { detail: (e as Error).message });
  }
  if (isObject(raw) && raw.format === 'minnow-model') {
    const model = parseModelSpec(raw);
    return { name: model.name, chipId: defaultChip, model, createdAt: now, updatedAt: now };
  }
  return parseProject(raw);
}

const encodedTraining = new WeakMap<TrainingRecord, Record<string, unknown> | null>();

/**
 * A training record as the file stores it, or null if it would not read back (PT-4): a record that cannot be
 * read would make the whole stored project unreadable, so it is left out instead. Each record (never changed
 * in place) is encoded and checked once.
 */
function checkedTraining(record: TrainingRecord): Record<string, unknown> | null {
  let encoded = encodedTraining.get(record);
  if (encoded === undefined) {
    const file = encodeTraining(record);
    try {
      decodeTraining(file);
      encoded = file;
    } catch {
      encoded = null;
    }
    encodedTraining.set(record, encoded);
  }
  return encoded;
}

function withTraining(record: TrainingRecord | undefined): { training?: Record<string, unknown> } {
  const file = record ? checkedTraining(record) : null;
  return file ? { training: file } : {};
}

/** The float weights a file stores: an imported int8 layer's are derived from its integers instead (PQ-2). */
function withoutExact(project: Project): FloatWeights {
  const exact = project.quantization?.layers ?? {};
  const weights = project.weights ?? {};
  return textKeyed(Object.entries(weights).filter(([id]) => !Object.hasOwn(exact, id)));
}

/**
 * Encoded weights by the weights they encode. Weights in the store are never changed in place (a training run
 * or an import puts new ones), so a project saved after every edit encodes its weights once, not per keystroke
 * (a 3M-parameter model's take hundreds of milliseconds).
 */
const encoded = new WeakMap<FloatWeights, { quantization?: Project['quantization']; file: unknown }>();

function weightsFile(weights: FloatWeights, project: Project): unknown {
  const hit = encoded.get(weights);
  if (hit && hit.quantization === project.quantization) return hit.file;
  const file = encodeWeights(withoutExact(project));
  encoded.set(weights, { quantization: project.quantization, file });
  return file;
}

/** The file a project is exported to and stored as. */
export function toProjectFile(project: Project): Record<string, unknown> {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: project.name,
    chip: project.chipId,
    model: project.model,
    ...(project.weights ? { weights: weightsFile(project.weights, project) } : {}),
    ...withTraining(project.training),
    ...(project.source ? { source: project.source } : {}),
    ...(project.quantization ? { quantization: encodeQuant(project.quantization) } : {}),
    ...(project.captures && project.captures.items.length > 0
      ? { captures: encodeCaptures(project.captures) }
      : {}),
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
  };
}

export function serializeProject(project: Project): string {
  return JSON.stringify(toProjectFile(project), null, 2) + '\n';
}
