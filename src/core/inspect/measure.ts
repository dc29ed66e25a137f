import type { BudgetInput } from '../budget/types.ts';
import { workKind } from '../budget/kinds.ts';
import { shapeSize } from '../model/types.ts';
import type { ExecStep, MemoryPlan } from '../plan/types.ts';
import { stepPacking, stepWeightBytes } from './weights.ts';

/** Blob framing per docs/FORMAT.md §11, for models the compiler cannot size exactly yet. */
const BLOB = {
  header: 64,
  entry: 16,
  requantRow: 8,
  /** A GRU row: the multiplier and shift of its input and of its recurrent product (F-74). */
  gruRequantRow: 16,
  softmaxTable: 64,
  lookupTable: 256,
  padding: 15,
} as const;

/** Framing bytes of one step beyond its weights, and how many constants it adds (each may need padding). */
function stepFraming(step: ExecStep): { bytes: number; constants: number } {
  const shape = step.layer.outputShape;
  const channels = shape[shape.length - 1] ?? 0;
  switch (step.op) {
    case 'Add':
      return { bytes: BLOB.requantRow * (step.inputs.length + 1), constants: 1 };
    case 'Concatenate':
      return { bytes: BLOB.requantRow * step.inputs.length, constants: 1 };
    case 'Softmax':
      return { bytes: BLOB.softmaxTable, constants: 1 };
    case 'Activation':
      return { bytes: BLOB.lookupTable, constants: 1 };
    case 'GRU': {
      // Three gates of `channels` rows; the bias is written even without useBias; the state is one more entry.
      const rows = 3 * channels;
      const bias = step.layer.weights.some((w) => w.name === 'bias') ? 0 : 4 * rows;
      return { bytes: BLOB.gruRequantRow * rows + bias + BLOB.entry, constants: 4 };
    }
    case 'Spectrogram':
      // Four tables (counted with the weights); the samples and the scratch buffer are listed again as
      // consecutive inputs (two alias entries).
      return { bytes: 2 * BLOB.entry, constants: 4 };
    case 'Embedding':
      // A packed table reads back through one requantization row per column (F-73); an int8 one is copied.
      return (stepPacking(step) ?? 'int8') === 'int8'
        ? { bytes: 0, constants: 0 }
        : { bytes: BLOB.requantRow * channels, constants: 1 };
    default:
      // Kernel, bias and requantization rows for channel ops; nothing for pooling and views.
      return 'mac' in workKind(step.op) || step.op === 'BatchNormalization'
        ? { bytes: BLOB.requantRow * channels, constants: 3 }
        : { bytes: 0, constants: 0 };
  }
}

/** An upper bound of the blob size (tests check it against the writer), cheap enough for a search loop. */
export function blobUpperBound(plan: MemoryPlan, weightsBytes: number): number {
  const { graph } = plan;
  let bytes = BLOB.header + BLOB.entry * (graph.tensors.length + graph.steps.length) + weightsBytes;
  for (const step of graph.steps) {
    const f = stepFraming(step);
    bytes += f.bytes + f.constants * (BLOB.entry + BLOB.padding);
  }
  return bytes;
}

/** Turns a memory plan into the plain figures the budget works on. */
export function budgetInput(plan: MemoryPlan, blobBytes?: number): BudgetInput {
  const { graph } = plan;
  const macsByKind: Record<string, number> = {};
  const elementsByKind: Record<string, number> = {};
  const packedMacs: Record<string, number> = {};
  let weightsBytes = 0;
  for (const step of graph.steps) {
    weightsBytes += stepWeightBytes(step);
    const kind = workKind(step.op);
    if ('mac' in kind) {
      macsByKind[kind.mac] = (macsByKind[kind.mac] ?? 0) + step.layer.macs;
      const packing = stepPacking(step) ?? 'int8';
      if (packing !== 'int8') packedMacs[packing] = (packedMacs[packing] ?? 0) + step.layer.macs;
    } else {
      const measured = kind.element === 'pool' ? step.layer.inputShapes[0] : step.layer.outputShape;
      elementsByKind[kind.element] = (elementsByKind[kind.element] ?? 0) + shapeSize(measured ?? []);
    }
  }
  const input = graph.tensors[graph.inputTensor];
  const output = graph.tensors[graph.outputTensor];
  return {
    arenaBytes: plan.arenaBytes,
    ioBytes: (input?.bytes ?? 0) + (output?.bytes ?? 0),
    tensorCount: graph.tensors.length,
    stepCount: graph.steps.length,
    weightsBytes,
    blobBytes: blobBytes ?? blobUpperBound(plan, weightsBytes),
    macsByKind,
    elementsByKind,
    packedMacs,
  };
}
