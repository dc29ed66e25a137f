import type { AnalyzedModel } from '../model/types.ts';
import type { ExecGraph } from '../plan/types.ts';

/**
 * For every view tensor (Flatten, Reshape, Dropout, identity Activation: written by no step), the tensor
 * whose bytes it shows. A view is named after its layer, whose input is named after the tensor holding it.
 */
export function viewSources(model: AnalyzedModel, graph: ExecGraph): Map<number, number> {
  const written = new Set(graph.steps.map((s) => s.output));
  written.add(graph.inputTensor);
  const byName = new Map(graph.tensors.map((t) => [t.name, t.id]));
  const layers = new Map(model.layers.map((l) => [l.id, l]));
  const sources = new Map<number, number>();
  for (const t of graph.tensors) {
    if (written.has(t.id)) continue;
    const from = byName.get(layers.get(t.name)?.inputs[0] ?? '');
    // Otherwise the latest earlier tensor in the same buffer: the only one a view can show.
    const fallback = graph.tensors.filter((s) => s.id < t.id && s.buffer === t.buffer).at(-1)?.id;
    const source = from !== undefined && from < t.id ? from : fallback;
    if (source !== undefined) sources.set(t.id, source);
  }
  return sources;
}

/** Follows views down to the tensor a step wrote (or the model input). */
export function rootOf(sources: ReadonlyMap<number, number>, id: number): number {
  let at = id;
  for (let guard = 0; sources.has(at) && guard < 10_000; guard++) at = sources.get(at) as number;
  return at;
}
