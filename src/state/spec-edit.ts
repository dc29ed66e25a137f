import { INPUT_ID, type LayerSpec, type ModelSpec } from '../core/model/types.ts';
import { getOp } from '../core/ops/registry.ts';
import { newLayerId } from './layer-ids.ts';

/** Pure edits of a model spec: each returns a new spec and leaves its argument untouched. */

const withLayers = (spec: ModelSpec, layers: readonly LayerSpec[]): ModelSpec => ({ ...spec, layers });

/** The layer's inputs as the model format resolves them: explicit, else the previous layer, else the input. */
export function resolvedInputs(spec: ModelSpec, index: number): readonly string[] {
  const layer = spec.layers[index];
  return layer?.inputs ?? [index === 0 ? INPUT_ID : (spec.layers[index - 1]?.id ?? INPUT_ID)];
}

/** A new layer's parameters: the example value of each required one (units 10, filters 8…). */
export function defaultParams(type: string): Record<string, unknown> {
  const examples = getOp(type)?.examples ?? {};
  return Object.assign({}, ...Object.values(examples).map((e) => JSON.parse(`{${e}}`) as object));
}

export function insertLayer(spec: ModelSpec, type: string, index: number): { spec: ModelSpec; id: string } {
  const id = newLayerId(spec, type);
  const at = Math.max(0, Math.min(index, spec.layers.length));
  const layer: LayerSpec = { id, type, ...defaultParams(type) };
  return { spec: withLayers(spec, [...spec.layers.slice(0, at), layer, ...spec.layers.slice(at)]), id };
}

/** Removes layers; a layer that named a removed one as input is fed by what fed the removed layer. */
export function removeLayers(spec: ModelSpec, ids: readonly string[]): ModelSpec {
  const gone = new Set(ids);
  if (!spec.layers.some((l) => gone.has(l.id))) return spec;
  const feeds = new Map(spec.layers.map((l, i) => [l.id, resolvedInputs(spec, i)]));
  const replace = (id: string, seen = new Set<string>()): string[] =>
    gone.has(id) && !seen.has(id) ? (feeds.get(id) ?? []).flatMap((i) => replace(i, seen.add(id))) : [id];
  const layers = spec.layers
    .filter((l) => !gone.has(l.id))
    .map((l) => (l.inputs ? { ...l, inputs: [...new Set(l.inputs.flatMap((i) => replace(i)))] } : l));
  return withLayers(spec, layers);
}

export function moveLayer(spec: ModelSpec, id: string, toIndex: number): ModelSpec {
  const from = spec.layers.findIndex((l) => l.id === id);
  const layer = spec.layers[from];
  if (!layer) return spec;
  const rest = spec.layers.filter((_, i) => i !== from);
  const at = Math.max(0, Math.min(toIndex, rest.length));
  return withLayers(spec, [...rest.slice(0, at), layer, ...rest.slice(at)]);
}

/** Sets parameters of a layer; an undefined value removes the parameter (its default applies). */
export function updateParams(
  spec: ModelSpec,
  id: string,
  patch: Readonly<Record<string, unknown>>,
): ModelSpec {
  if (!spec.layers.some((l) => l.id === id)) return spec;
  return withLayers(
    spec,
    spec.layers.map((l) => {
      if (l.id !== id) return l;
      const next: Record<string, unknown> = { ...l, ...patch };
      for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
      return next as unknown as LayerSpec;
    }),
  );
}

/** Renames a layer and every reference to it. The caller checks the new id with layerIdProblem. */
export function renameLayer(spec: ModelSpec, id: string, next: string): ModelSpec {
  return withLayers(
    spec,
    spec.layers.map((l) => ({
      ...l,
      id: l.id === id ? next : l.id,
      ...(l.inputs ? { inputs: l.inputs.map((i) => (i === id ? next : i)) } : {}),
    })),
  );
}

export function setInputShape(spec: ModelSpec, shape: readonly number[]): ModelSpec {
  return { ...spec, input: { ...spec.input, shape } };
}
