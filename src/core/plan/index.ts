import { MinnowError } from '../errors.ts';
import type { AnalyzedModel } from '../model/types.ts';
import { alignUp, liveBytesPerStep, peakLiveBytes } from './live.ts';
import { lowerModel } from './lower.ts';
import { createPlanner, type PlannerOptions } from './planner.ts';
import { placeStates } from './states.ts';
import type { ExecGraph, MemoryPlan, StepReport } from './types.ts';

export * from './types.ts';
export { lowerModel, type LowerOptions } from './lower.ts';
export { createPlanner, DEFAULT_SEARCH_BUDGET, type MemoryPlanner, type PlannerOptions } from './planner.ts';
export { ARENA_ALIGN, alignUp } from './live.ts';
export { placeStates } from './states.ts';
export { verifyPlan, checkPlacement, checkLifetimes, type PlanProblem } from './verify.ts';

function stepReports(graph: ExecGraph, stateBytes: number): StepReport[] {
  // Unaligned, so a step never shows more than the arena: live regions are disjoint inside it.
  const live = liveBytesPerStep(graph.buffers, (bytes) => bytes);
  const buffersAt = graph.steps.map((): number[] => []);
  for (const b of graph.buffers) {
    for (let s = b.firstStep; s <= b.lastStep && s < buffersAt.length; s++) buffersAt[s]?.push(b.id);
  }
  return graph.steps.map((step) => ({
    index: step.index,
    layerIds: step.layerIds,
    liveBuffers: buffersAt[step.index] ?? [],
    liveBytes: (live[step.index] ?? 0) + stateBytes,
  }));
}

/** Names the layer that writes a buffer too large to size exactly (the model input when no step does). */
function tooLarge(graph: ExecGraph, buffer: number): MinnowError {
  const tensor = graph.tensors.find((t) => t.buffer === buffer);
  const step = graph.steps.find((s) => s.output === tensor?.id);
  return new MinnowError('PLAN_TENSOR_TOO_LARGE', {
    layer: step?.layer.id ?? 'input',
    type: step?.layer.type ?? 'Input',
    shape: (tensor?.shape ?? []).join(', '),
  });
}

/** Lowers a model, places its buffers and kept states in one arena and reports live memory per step. */
export function planModel(model: AnalyzedModel, options: PlannerOptions = {}): MemoryPlan {
  const graph = lowerModel(model);
  const planner = createPlanner(options);
  for (const b of graph.buffers) {
    if (!Number.isSafeInteger(b.bytes)) throw tooLarge(graph, b.id);
    planner.addBuffer(b.bytes, b.firstStep, b.lastStep);
  }
  const { offsets } = planner.plan();
  // The planner places 16-byte multiples; the arena ends where the highest buffer's own bytes end. That is the
  // high-water mark the interpreter touches, so the blob's arena size and the device's use agree exactly.
  // Kept states go above it.
  const buffersEnd = graph.buffers.reduce((end, b) => Math.max(end, (offsets[b.id] ?? 0) + b.bytes), 0);
  const { states, end: arenaBytes } = placeStates(graph, buffersEnd);
  // The steps are the same with or without in-place outputs; only buffers merge.
  const lowerBoundBytes =
    peakLiveBytes(lowerModel(model, { inPlace: false }).buffers) +
    states.reduce((sum, s) => sum + alignUp(s.bytes), 0);
  const steps = stepReports(
    graph,
    states.reduce((sum, s) => sum + s.bytes, 0),
  );
  const peakStep = steps.reduce(
    (peak, s) => (s.liveBytes > (steps[peak]?.liveBytes ?? -1) ? s.index : peak),
    -1,
  );
  return { graph, offsets, states, arenaBytes, lowerBoundBytes, steps, peakStep };
}
