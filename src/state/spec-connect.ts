import { INPUT_ID, type LayerSpec, type ModelSpec } from '../core/model/types.ts';
import { getOp } from '../core/ops/registry.ts';
import { resolvedInputs } from './spec-edit.ts';

/** Ids upstream of a layer (its inputs, their inputs…), the model input included. */
export function upstream(spec: ModelSpec, id: string): Set<string> {
  const index = new Map(spec.layers.map((l, i) => [l.id, i]));
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const i = index.get(stack.pop() as string);
    if (i === undefined) continue;
    for (const input of resolvedInputs(spec, i)) {
      if (seen.has(input)) continue;
      seen.add(input);
      stack.push(input);
    }
  }
  return seen;
}

/** Whether an edge source → target is allowed: both exist, no duplicate, and no cycle. */
export function canConnect(spec: ModelSpec, source: string, target: string): boolean {
  const index = spec.layers.findIndex((l) => l.id === target);
  if (index < 0 || source === target) return false;
  if (source !== INPUT_ID && !spec.layers.some((l) => l.id === source)) return false;
  if (resolvedInputs(spec, index).includes(source)) return false;
  return !upstream(spec, source).has(target);
}

/**
 * Every id that may feed `target` (canConnect allows it), in one pass over the model: the input and the
 * layers that are neither already its inputs, nor the target, nor downstream of it (a cycle).
 */
export function connectableSources(spec: ModelSpec, target: string): string[] {
  const index = spec.layers.findIndex((l) => l.id === target);
  if (index < 0) return [];
  const consumers = new Map<string, string[]>();
  spec.layers.forEach((layer, i) => {
    for (const input of resolvedInputs(spec, i))
      consumers.set(input, [...(consumers.get(input) ?? []), layer.id]);
  });
  const below = new Set([target]);
  const stack = [target];
  while (stack.length > 0) {
    for (const next of consumers.get(stack.pop() as string) ?? []) {
      if (below.has(next)) continue;
      below.add(next);
      stack.push(next);
    }
  }
  const taken = new Set(resolvedInputs(spec, index));
  return [INPUT_ID, ...spec.layers.map((l) => l.id)].filter((id) => !below.has(id) && !taken.has(id));
}

/** Writes a layer's inputs, leaving them implicit when they are the default (the previous layer). */
function withInputs(spec: ModelSpec, index: number, inputs: readonly string[]): ModelSpec {
  const layers = spec.layers.map((layer, i): LayerSpec => {
    if (i !== index) return layer;
    const { inputs: _old, ...rest } = layer;
    const implicit = [i === 0 ? INPUT_ID : (spec.layers[i - 1]?.id ?? INPUT_ID)];
    const isDefault = inputs.length === 0 || (inputs.length === 1 && inputs[0] === implicit[0]);
    return isDefault ? (rest as LayerSpec) : { ...rest, inputs };
  });
  return { ...spec, layers };
}

/** Adds an input to a merge layer (Add, Concatenate), or replaces the input of any other layer. */
export function connect(spec: ModelSpec, source: string, target: string): ModelSpec {
  if (!canConnect(spec, source, target)) return spec;
  const index = spec.layers.findIndex((l) => l.id === target);
  const op = getOp(spec.layers[index]?.type ?? '');
  const merges = (op?.arity.max ?? 1) > 1;
  return withInputs(spec, index, merges ? [...resolvedInputs(spec, index), source] : [source]);
}

/** Removes an edge; a layer left with no input falls back to the default (the previous layer). */
export function disconnect(spec: ModelSpec, source: string, target: string): ModelSpec {
  const index = spec.layers.findIndex((l) => l.id === target);
  if (index < 0) return spec;
  return withInputs(
    spec,
    index,
    resolvedInputs(spec, index).filter((i) => i !== source),
  );
}
