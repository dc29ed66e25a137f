import type { BudgetInput } from '../budget/types.ts';
import { workKind } from '../budget/kinds.ts';
import { shapeSize } from '../model/types.ts';
import type { MemoryPlan } from '../plan/types.ts';
import { stepWeightBytes } from './weights.ts';

/**
 * Blob framing per docs/FORMAT.md: a 64-byte header, 16 bytes per tensor and per op, 8 bytes of requantization
 * per output channel, and 16-byte alignment of each constant.
 */
const BLOB = { header: 64, perTensor: 16, perOp: 16, perChannel: 8, alignSlack: 8 } as const;

/** Turns a memory plan into the plain figures the budget works on. */
export function budgetInput(plan: MemoryPlan, blobBytes?: number): BudgetInput {
  const { graph } = plan;
  const macsByKind: Record<string, number> = {};
  const elementsByKind: Record<string, number> = {};
  let weightsBytes = 0;
  let framing = BLOB.header;
  let constants = 0;
  for (const step of graph.steps) {
    weightsBytes += stepWeightBytes(step);
    const kind = workKind(step.op);
    if ('mac' in kind) {
      macsByKind[kind.mac] = (macsByKind[kind.mac] ?? 0) + step.layer.macs;
      const shape = step.layer.outputShape;
      framing += BLOB.perChannel * (shape[shape.length - 1] ?? 0);
      constants += step.layer.weights.length + 1;
    } else {
      const measured = kind.element === 'pool' ? step.layer.inputShapes[0] : step.layer.outputShape;
      elementsByKind[kind.element] = (elementsByKind[kind.element] ?? 0) + shapeSize(measured ?? []);
    }
  }
  framing += BLOB.perTensor * graph.tensors.length + BLOB.perOp * graph.steps.length;
  const input = graph.tensors[graph.inputTensor];
  const output = graph.tensors[graph.outputTensor];
  return {
    arenaBytes: plan.arenaBytes,
    ioBytes: (input?.bytes ?? 0) + (output?.bytes ?? 0),
    tensorCount: graph.tensors.length,
    stepCount: graph.steps.length,
    weightsBytes,
    blobBytes: blobBytes ?? weightsBytes + framing + BLOB.alignSlack * constants,
    macsByKind,
    elementsByKind,
  };
}
