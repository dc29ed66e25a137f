import { shapeSize, type AnalyzedModel } from '../model/types.ts';
import { planModel, type MemoryPlan } from '../plan/index.ts';
import { layerPackings, type WeightPacking } from '../quant/packing.ts';
import { checkDims, consecutive, storedShape } from './assemble.ts';
import { byteSize, dataStart } from './format.ts';
import { checkBlobLimits } from './limits.ts';
import { stepLayout } from './step-layout.ts';
import { checkWritable, placeArrays } from './writer.ts';

/**
 * The exact size of the model's blob without a test vector: what the flash budget needs on every edit.
 * Sizes depend on shapes only, so the tables are counted as the compiler fills them (stepLayout) and the
 * data region is placed as the writer places it, without making, quantizing or writing a single weight.
 * Refuses (E624 and the F-4 limits) what the compiler refuses from shapes.
 */
export function blobSize(
  model: AnalyzedModel,
  plan: MemoryPlan = planModel(model),
  packing?: Readonly<Record<string, WeightPacking>>,
): number {
  checkBlobLimits(plan, packing);
  const { graph } = plan;
  const packings = { ...layerPackings(model), ...packing };
  const writer = new Map(graph.steps.map((s) => [s.output, s]));
  for (const t of graph.tensors) checkDims(storedShape(t.shape), writer.get(t.id));
  let tensors = graph.tensors.length;
  const lengths: number[] = [];
  for (const step of graph.steps) {
    const layout = stepLayout(step, graph, packings);
    let inputs = layout.inputs ?? step.inputs;
    if (layout.state) {
      checkDims(layout.state, step);
      inputs = [step.inputs[0] ?? 0, tensors++];
    }
    for (const c of layout.constants) {
      checkDims(c.shape, step);
      lengths.push(byteSize(c.type, shapeSize(c.shape)));
    }
    tensors += layout.constants.length;
    if (!consecutive(inputs)) tensors += inputs.length;
  }
  const { end } = placeArrays(dataStart(tensors, graph.steps.length), lengths);
  checkWritable({ arenaSize: plan.arenaBytes, tensors: { length: tensors }, ops: graph.steps }, end);
  return end;
}
