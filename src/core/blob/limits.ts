import { MinnowError } from '../errors.ts';
import { stepPacking, stepWeightBytes } from '../inspect/weights.ts';
import { shapeSize, type WeightPacking } from '../model/types.ts';
import type { ExecStep, MemoryPlan } from '../plan/types.ts';
import { ownValue } from '../text-keys.ts';
import { MAX_SIZE } from './format.ts';

const MB = 1024 * 1024;

function packingOf(step: ExecStep, packing?: Readonly<Record<string, WeightPacking>>): WeightPacking {
  return ownValue(packing, step.layer.id) ?? stepPacking(step) ?? 'int8';
}

/** Weight values (float, before packing) the model holds: what making its weights would allocate. */
export function weightElements(plan: MemoryPlan): number {
  let n = 0;
  for (const step of plan.graph.steps) {
    if (step.op !== step.layer.type) continue;
    for (const w of step.layer.weights) n += shapeSize(w.shape);
  }
  return n;
}

/**
 * F-4: a blob holds at most MAX_SIZE bytes. Checked from shapes alone, before any weight is made or quantized,
 * so a model far beyond the format is refused at once with the layer that weighs most, never written.
 */
export function checkBlobLimits(plan: MemoryPlan, packing?: Readonly<Record<string, WeightPacking>>): void {
  let total = 0;
  let heaviest: { step: ExecStep; bytes: number } | undefined;
  for (const step of plan.graph.steps) {
    const bytes = stepWeightBytes(step, packingOf(step, packing));
    total += bytes;
    if (!heaviest || bytes > heaviest.bytes) heaviest = { step, bytes };
  }
  if (total <= MAX_SIZE || !heaviest) return;
  const mb = (bytes: number) => (bytes / MB).toPrecision(3);
  throw new MinnowError('COMPILE_UNSUPPORTED', {
    layer: heaviest.step.layer.id,
    type: heaviest.step.layer.type,
    detail:
      `the weights would take ${mb(total)} MB, and a blob holds at most ${MAX_SIZE / MB} MB (F-4); ` +
      `this layer alone takes ${mb(heaviest.bytes)} MB`,
    // Ternary stores five weights a byte: when even that is past the limit, packing cannot help.
    fix:
      total / 5 <= MAX_SIZE
        ? 'Store its weights as ternary or int4, or give this layer fewer units or filters.'
        : 'Give this layer fewer units or filters: even packed as ternary the weights are past the limit.',
  });
}
