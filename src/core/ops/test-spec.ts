/** Test support without tfjs: compact model files and the outcome of analyzing them. */
import type { MinnowError } from '../errors.ts';
import { analyzeModel, validateModel } from '../model/analyze.ts';
import type { ModelSpec, Shape } from '../model/types.ts';

/** A layer as in a model file, with the id optional. */
export interface LayerInput {
  readonly id?: string;
  readonly type: string;
  readonly inputs?: readonly string[];
  readonly [param: string]: unknown;
}

/** A model file around `layers`; layers without an id get l0, l1, … */
export function spec(input: Shape, ...layers: LayerInput[]): ModelSpec {
  return {
    format: 'minnow-model',
    version: 1,
    name: 'case',
    input: { shape: input },
    layers: layers.map((l, i) => ({ ...l, id: l.id ?? `l${i}` })),
  };
}

/** The error id and layer id the analyzer reports for `model`, or 'ok' when it accepts it. */
export function outcome(model: unknown): { id: string; layer: string | undefined } | 'ok' {
  const result = validateModel(model);
  return result.ok ? 'ok' : { id: result.error.id, layer: result.error.layerId };
}

/** Total MACs of a one-layer model. */
export function macsOf(input: Shape, layer: LayerInput): number {
  return analyzeModel(spec(input, layer)).macs;
}

/** The error the analyzer reports for `model`; throws when it accepts the model. */
export function errorOf(model: unknown): MinnowError {
  const result = validateModel(model);
  if (result.ok) throw new Error('the model was accepted');
  return result.error;
}
