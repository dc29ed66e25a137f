import { isMinnowError } from '../errors.ts';
import { analyzeModel } from '../model/analyze.ts';
import { shapeSize, type AnalyzedModel, type ModelSpec } from '../model/types.ts';
import type { Evaluate, Evaluation, LayerChange, WidthParam } from './suggest-types.ts';

/** Layer types whose width Minnow can suggest narrowing, and the parameter that sets it. */
const WIDTH: Readonly<Record<string, WidthParam>> = {
  Dense: 'units',
  GRU: 'units',
  Conv2D: 'filters',
  Conv1D: 'filters',
};

export interface Candidate {
  readonly layerId: string;
  readonly param: WidthParam;
  readonly width: number;
}

/** Layers that can be narrowed: a width parameter, and not the model output (its width is the task's). */
export function reducibleLayers(model: AnalyzedModel): Candidate[] {
  return model.layers.flatMap((l) => {
    const param = WIDTH[l.type];
    const width = param === undefined ? undefined : (l.params as Record<string, unknown>)[param];
    if (param === undefined || typeof width !== 'number' || width <= 1 || l.id === model.outputId) return [];
    return [{ layerId: l.id, param, width }];
  });
}

/**
 * Candidates, the ones that dominate the failing resource first: for flash, the weights a layer's width
 * scales (its own and its consumers'); for RAM, the peak step's layers, then the largest outputs.
 */
export function rankCandidates(
  spec: ModelSpec,
  resource: 'ram' | 'flash',
  peak: readonly string[] = [],
): Candidate[] {
  const model = analyzeModel(spec);
  const byId = new Map(model.layers.map((l) => [l.id, l]));
  const weightShare = (id: string): number =>
    model.layers.filter((l) => l.id === id || l.inputs.includes(id)).reduce((s, l) => s + l.paramCount, 0);
  const score = (id: string): number =>
    resource === 'flash'
      ? weightShare(id)
      : (peak.includes(id) ? Number.MAX_SAFE_INTEGER / 2 : 0) + shapeSize(byId.get(id)?.outputShape ?? []);
  return reducibleLayers(model).sort((a, b) => score(b.layerId) - score(a.layerId));
}

/** The spec with some layers' width parameters replaced. */
export function patchSpec(spec: ModelSpec, changes: readonly LayerChange[]): ModelSpec {
  return {
    ...spec,
    layers: spec.layers.map((layer) => {
      const change = changes.find((c) => c.layerId === layer.id);
      return change ? { ...layer, [change.param]: change.to } : layer;
    }),
  };
}

/** The evaluation if the spec fits, else undefined; a spec that cannot be planned does not fit. */
export function fitting(evaluate: Evaluate, spec: ModelSpec, chipId: string): Evaluation | undefined {
  try {
    const result = evaluate(spec, chipId);
    return result.verdict === 'fits' ? result : undefined;
  } catch (e) {
    if (isMinnowError(e)) return undefined;
    throw e;
  }
}

/** The largest n in [lo, hi] for which `fits(n)` holds, assuming smaller n never needs more; or undefined. */
export function largestFitting<T>(
  lo: number,
  hi: number,
  fits: (n: number) => T | undefined,
): { n: number; result: T } | undefined {
  let best: { n: number; result: T } | undefined;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const result = fits(mid);
    if (result !== undefined) {
      best = { n: mid, result };
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}
