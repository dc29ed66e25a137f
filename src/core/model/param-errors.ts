import type { z } from 'zod';
import { MinnowError } from '../errors.ts';
import type { OpDef } from '../ops/types.ts';
import { closest } from './closest.ts';

const LAYER_KEYS = new Set(['id', 'type', 'inputs']);

/** Turns the first zod issue of a layer's parameters into a coded error naming the layer and parameter. */
export function paramError(
  layer: { id: string; type: string },
  params: Record<string, unknown>,
  op: OpDef,
  error: z.ZodError,
): MinnowError {
  // A misspelt key also shows up as a missing one; the misspelling is the more useful message.
  const issue = error.issues.find((i) => i.code === 'unrecognized_keys') ?? error.issues[0];
  const base = { layer: layer.id, type: layer.type };
  if (issue?.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const known = Object.keys(op.examples).concat(knownKeys(op));
    const guess = closest(key, known);
    return new MinnowError('INVALID_PARAM', {
      ...base,
      param: key,
      detail: `${op.type} has no parameter "${key}".`,
      fix: guess ? `Did you mean "${guess}"?` : `Remove "${key}".`,
    });
  }
  const param = String(issue?.path[0] ?? '');
  if (param !== '' && params[param] === undefined) {
    return new MinnowError('MISSING_PARAM', {
      ...base,
      param,
      example: op.examples[param] ?? `"${param}": …`,
    });
  }
  return new MinnowError('INVALID_PARAM', {
    ...base,
    param: issue?.path.join('.') ?? param,
    detail: issue?.message ?? 'invalid value',
    fix: op.examples[param]
      ? `For example ${op.examples[param]}.`
      : 'See the layer reference for allowed values.',
  });
}

interface SchemaParts {
  shape?: Record<string, unknown>;
  /** Set on a pipe: an object schema followed by a transform (e.g. a default that depends on another param). */
  in?: SchemaParts;
}

/** The parameter names an op accepts, read from its object schema, looking through a trailing transform. */
function knownKeys(op: OpDef): string[] {
  const schema = op.schema as unknown as SchemaParts;
  const shape = schema.shape ?? schema.in?.shape;
  return shape ? Object.keys(shape) : [];
}

export function layerParams(layer: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(layer).filter(([k]) => !LAYER_KEYS.has(k)));
}
