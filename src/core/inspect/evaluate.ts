import type { Evaluation } from '../budget/suggest-types.ts';
import type { FirmwareManifest } from '../firmware/manifest.ts';
import { analyzeModel } from '../model/analyze.ts';
import type { ModelSpec } from '../model/types.ts';
import { planModel } from '../plan/index.ts';
import { budgetInput } from './measure.ts';
import { budgetFor } from './report.ts';

/** The real pipeline as the evaluator that suggestFixes searches with. */
export function evaluateSpec(spec: ModelSpec, chipId: string, manifest?: FirmwareManifest): Evaluation {
  // The search calls this dozens of times: the blob size is the framing upper bound, not a real compile.
  const plan = planModel(analyzeModel(spec));
  const budget = budgetFor(budgetInput(plan), chipId, manifest);
  const live = new Set(plan.steps[plan.peakStep]?.liveBuffers ?? []);
  // The layers whose outputs fill the arena at its peak: narrowing them is what lowers the peak.
  const peakLayerIds = plan.graph.tensors
    .filter((t) => live.has(t.buffer) && t.name !== 'input')
    .map((t) => t.name);
  return { ...budget, ram: { ...budget.ram, peakLayerIds } };
}
