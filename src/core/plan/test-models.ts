/** Test support: lower or plan a compact model file in one call. */
import { analyzeModel } from '../model/analyze.ts';
import type { Shape } from '../model/types.ts';
import { spec, type LayerInput } from '../ops/test-spec.ts';
import { planModel } from './index.ts';
import { lowerModel, type LowerOptions } from './lower.ts';
import type { ExecGraph, ExecStep, MemoryPlan } from './types.ts';
import { verifyPlan } from './verify.ts';

export function lowered(input: Shape, layers: LayerInput[], options?: LowerOptions): ExecGraph {
  return lowerModel(analyzeModel(spec(input, ...layers)), options);
}

/** Plans a model and fails the test at once if the plan is not safe. */
export function planned(model: unknown): MemoryPlan {
  const plan = planModel(analyzeModel(model));
  const problems = verifyPlan(plan);
  if (problems.length > 0) throw new Error(`unsafe plan: ${JSON.stringify(problems.slice(0, 5))}`);
  return plan;
}

/** A step summary that reads well in assertions. */
export function summary(graph: ExecGraph, step: ExecStep) {
  return {
    op: step.op,
    layerIds: step.layerIds,
    activation: step.activation,
    ...(step.func ? { func: step.func } : {}),
    ...(step.reluMax !== undefined ? { reluMax: step.reluMax } : {}),
    ...(step.foldedBatchNorm ? { folded: step.foldedBatchNorm.id } : {}),
    ...(step.inPlaceOf !== undefined ? { inPlaceOf: step.inPlaceOf } : {}),
    inputs: step.inputs.map((t) => graph.tensors[t]?.name),
    output: graph.tensors[step.output]?.name,
  };
}

export function steps(graph: ExecGraph) {
  return graph.steps.map((s) => summary(graph, s));
}

/** The buffer id holding a named tensor. */
export function bufferOf(graph: ExecGraph, name: string): number {
  const tensor = graph.tensors.find((t) => t.name === name);
  if (!tensor) throw new Error(`no tensor "${name}"`);
  return tensor.buffer;
}
