import type { AnalyzedLayer, Shape } from '../model/types.ts';
import { IN_PLACE_OPS } from './lower-rules.ts';
import type {
  ActivationFunc,
  ExecBuffer,
  ExecGraph,
  ExecStep,
  ExecTensor,
  FusedActivation,
} from './types.ts';

/** A step while lowering: fusion still edits it. */
export interface DraftStep {
  op: string;
  layerIds: string[];
  layer: AnalyzedLayer;
  foldedBatchNorm?: AnalyzedLayer;
  activation: FusedActivation;
  reluMax?: number;
  func?: ActivationFunc;
  inputs: number[];
  output: number;
  scratch?: number;
}

/** A tensor while lowering; `buffer` numbers one buffer per written tensor, shared by its views. */
export interface DraftTensor {
  readonly name: string;
  readonly shape: Shape;
  readonly bytes: number;
  readonly buffer: number;
}

interface Lifetimes {
  readonly first: number[];
  readonly last: number[];
  readonly bytes: number[];
}

function lifetimes(tensors: readonly DraftTensor[], steps: readonly DraftStep[], output: number): Lifetimes {
  const count = tensors.reduce((n, t) => Math.max(n, t.buffer + 1), 0);
  const first = new Array<number>(count).fill(0);
  const last = new Array<number>(count).fill(-1);
  const bytes = new Array<number>(count).fill(0);
  for (const t of tensors) bytes[t.buffer] = t.bytes;
  steps.forEach((step, s) => {
    first[(tensors[step.output] as DraftTensor).buffer] = s;
    for (const input of step.inputs) last[(tensors[input] as DraftTensor).buffer] = s;
    if (step.scratch !== undefined) {
      const b = (tensors[step.scratch] as DraftTensor).buffer;
      first[b] = s;
      last[b] = s;
    }
  });
  const outputBuffer = (tensors[output] as DraftTensor).buffer;
  last[outputBuffer] = Math.max(last[outputBuffer] ?? -1, steps.length - 1);
  return { first, last, bytes };
}

/**
 * Lets each in-place capable step write over the first input whose buffer is read for the last time there,
 * merging the output's buffer into it. Returns, per draft buffer, the buffer it was merged into, and per step
 * the input it reuses.
 */
function shareInPlace(tensors: readonly DraftTensor[], steps: readonly DraftStep[], life: Lifetimes) {
  const root = life.bytes.map((_, b) => b);
  const find = (b: number): number => (root[b] === b ? b : find(root[b] as number));
  const reused = steps.map((step, s) => {
    if (!IN_PLACE_OPS.has(step.op)) return undefined;
    const out = find((tensors[step.output] as DraftTensor).buffer);
    const index = step.inputs.findIndex((input) => {
      const b = find((tensors[input] as DraftTensor).buffer);
      return life.last[b] === s && life.bytes[b] === life.bytes[out];
    });
    if (index < 0) return undefined;
    const target = find((tensors[step.inputs[index] as number] as DraftTensor).buffer);
    root[out] = target;
    life.last[target] = life.last[out] as number;
    return index;
  });
  return { find, reused };
}

/** Final buffers (merged ones dropped, ids compacted in order of creation) and the frozen graph. */
export function assignBuffers(
  tensors: readonly DraftTensor[],
  steps: readonly DraftStep[],
  inputTensor: number,
  outputTensor: number,
  inPlace: boolean,
): ExecGraph {
  const life = lifetimes(tensors, steps, outputTensor);
  const { find, reused } = inPlace
    ? shareInPlace(tensors, steps, life)
    : { find: (b: number) => b, reused: steps.map(() => undefined) };
  const finalId = new Map<number, number>();
  const buffers: ExecBuffer[] = [];
  life.bytes.forEach((bytes, b) => {
    if (find(b) !== b) return;
    finalId.set(b, buffers.length);
    const firstStep = life.first[b] as number;
    buffers.push({
      id: buffers.length,
      bytes,
      firstStep,
      lastStep: Math.max(firstStep, life.last[b] as number),
    });
  });
  const outTensors: ExecTensor[] = tensors.map((t, id) => ({
    id,
    name: t.name,
    shape: t.shape,
    bytes: t.bytes,
    buffer: finalId.get(find(t.buffer)) as number,
  }));
  const outSteps: ExecStep[] = steps.map((step, index) => {
    const inPlaceOf = reused[index];
    return { index, ...step, ...(inPlaceOf === undefined ? {} : { inPlaceOf }) };
  });
  return { tensors: outTensors, buffers, steps: outSteps, inputTensor, outputTensor };
}
