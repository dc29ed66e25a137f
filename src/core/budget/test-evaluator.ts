import { getChip } from '../chips/catalog.ts';
import { analyzeModel } from '../model/analyze.ts';
import { shapeSize, type ModelSpec } from '../model/types.ts';
import { estimateBudget } from './estimate.ts';
import { workKind } from './kinds.ts';
import type { Evaluation } from './suggest-types.ts';
import type { BudgetInput } from './types.ts';

/** Fixed blob overhead assumed by this stand-in: a header, plus a record per layer. */
export const BLOB_HEADER = 64;
export const BLOB_PER_LAYER = 32;
const VIEWS = new Set(['Flatten', 'Reshape', 'Dropout']);

/**
 * A simple, independent stand-in for analyze → plan → budget, for tests of the budget and the suggestions:
 * int8 weights and activations, int32 biases, and an arena that holds one layer's inputs and output at once.
 */
export function budgetInputOf(spec: ModelSpec): BudgetInput & { peakLayerIds: string[] } {
  const model = analyzeModel(spec);
  const weightsBytes = model.layers
    .flatMap((l) => l.weights)
    .reduce((sum, w) => sum + shapeSize(w.shape) * (w.name === 'bias' ? 4 : 1), 0);
  let arenaBytes = shapeSize(model.inputShape);
  let peakLayerIds: string[] = [];
  const macsByKind: Record<string, number> = {};
  const elementsByKind: Record<string, number> = {};
  const steps = model.layers.filter((l) => !VIEWS.has(l.type));
  for (const l of steps) {
    const live = l.inputShapes.reduce((s, shape) => s + shapeSize(shape), 0) + shapeSize(l.outputShape);
    if (live > arenaBytes) [arenaBytes, peakLayerIds] = [live, [...l.inputs, l.id]];
    const kind = workKind(l.type);
    if ('mac' in kind) macsByKind[kind.mac] = (macsByKind[kind.mac] ?? 0) + l.macs;
    else elementsByKind[kind.element] = (elementsByKind[kind.element] ?? 0) + shapeSize(l.outputShape);
  }
  const output = model.layers.find((l) => l.id === model.outputId)?.outputShape ?? [];
  return {
    arenaBytes,
    ioBytes: shapeSize(model.inputShape) + shapeSize(output),
    tensorCount: model.layers.length + 1,
    stepCount: steps.length,
    weightsBytes,
    blobBytes: weightsBytes + BLOB_HEADER + BLOB_PER_LAYER * model.layers.length,
    macsByKind,
    elementsByKind,
    peakLayerIds,
  };
}

export function evaluateSimply(spec: ModelSpec, chipId: string): Evaluation {
  const input = budgetInputOf(spec);
  const budget = estimateBudget(input, getChip(chipId));
  return { ...budget, ram: { ...budget.ram, peakLayerIds: input.peakLayerIds } };
}
