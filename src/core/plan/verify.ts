import { ARENA_ALIGN, livesOverlap, type BufferLife } from './live.ts';
import type { ExecGraph, MemoryPlan } from './types.ts';

export type PlanProblem =
  | { readonly kind: 'count'; readonly buffers: number; readonly offsets: number }
  | { readonly kind: 'misaligned'; readonly buffer: number; readonly offset: number }
  | { readonly kind: 'outside'; readonly buffer: number; readonly offset: number; readonly bytes: number }
  | { readonly kind: 'overlap'; readonly a: number; readonly b: number }
  /** A step reads or writes a tensor whose buffer is not live at that step. */
  | { readonly kind: 'lifetime'; readonly step: number; readonly tensor: number }
  /** A step writes into a buffer it reads without being declared in place, or the declaration is wrong. */
  | { readonly kind: 'aliased'; readonly step: number }
  /** A GRU step without a kept state in the plan. */
  | { readonly kind: 'stateless'; readonly step: number };

/**
 * Checks a layout from first principles, independently of how it was found: every offset is a whole,
 * aligned, non-negative number; every buffer lies in [0, arenaBytes); two buffers live at a common step
 * share no byte of [offset, offset + bytes). An empty list means the layout is safe.
 */
export function checkPlacement(
  buffers: readonly BufferLife[],
  offsets: readonly number[],
  arenaBytes: number,
): PlanProblem[] {
  if (offsets.length !== buffers.length) {
    return [{ kind: 'count', buffers: buffers.length, offsets: offsets.length }];
  }
  const problems: PlanProblem[] = [];
  buffers.forEach((buffer, i) => {
    const offset = offsets[i] as number;
    if (!Number.isSafeInteger(offset) || offset % ARENA_ALIGN !== 0) {
      problems.push({ kind: 'misaligned', buffer: i, offset });
    }
    if (!(offset >= 0 && offset + buffer.bytes <= arenaBytes)) {
      problems.push({ kind: 'outside', buffer: i, offset, bytes: buffer.bytes });
    }
  });
  for (let a = 0; a < buffers.length; a++) {
    for (let b = a + 1; b < buffers.length; b++) {
      const x = buffers[a] as BufferLife;
      const y = buffers[b] as BufferLife;
      const xo = offsets[a] as number;
      const yo = offsets[b] as number;
      const share = xo < yo + y.bytes && yo < xo + x.bytes && x.bytes > 0 && y.bytes > 0;
      if (share && livesOverlap(x, y)) problems.push({ kind: 'overlap', a, b });
    }
  }
  return problems;
}

/** Checks that buffer lifetimes cover every use the steps make of them, and that aliasing is declared. */
export function checkLifetimes(graph: ExecGraph): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const bufferOf = (tensor: number) => graph.buffers[graph.tensors[tensor]?.buffer ?? -1];
  const last = graph.steps.length - 1;
  const uses = [
    { step: 0, tensor: graph.inputTensor },
    { step: Math.max(last, 0), tensor: graph.outputTensor },
    ...graph.steps.flatMap((s) =>
      [...s.inputs, s.output, ...(s.scratch === undefined ? [] : [s.scratch])].map((tensor) => ({
        step: s.index,
        tensor,
      })),
    ),
  ];
  for (const { step, tensor } of uses) {
    const buffer = bufferOf(tensor);
    if (!buffer || buffer.firstStep > step || buffer.lastStep < step)
      problems.push({ kind: 'lifetime', step, tensor });
  }
  for (const step of graph.steps) {
    const out = graph.tensors[step.output]?.buffer;
    const reads = step.inputs.map((t) => graph.tensors[t]?.buffer);
    const declared = step.inPlaceOf === undefined ? undefined : reads[step.inPlaceOf];
    // Without an in-place declaration the step must write a buffer that starts with it.
    const fresh = bufferOf(step.output)?.firstStep === step.index && !reads.includes(out);
    if (declared === undefined ? !fresh : declared !== out)
      problems.push({ kind: 'aliased', step: step.index });
  }
  return problems;
}

/**
 * A plan is safe when its lifetimes are right and its layout respects them. A kept state is live at every
 * step, so it is checked as a buffer that no other may touch.
 */
export function verifyPlan(plan: MemoryPlan): PlanProblem[] {
  const { graph, states } = plan;
  const always = { firstStep: 0, lastStep: Math.max(graph.steps.length - 1, 0) };
  const buffers = [...graph.buffers, ...states.map((s) => ({ ...always, bytes: s.bytes }))];
  const offsets = [...plan.offsets, ...states.map((s) => s.offset)];
  const stateless = graph.steps
    .filter((step) => step.op === 'GRU' && !states.some((s) => s.step === step.index))
    .map((step): PlanProblem => ({ kind: 'stateless', step: step.index }));
  return [...checkLifetimes(graph), ...stateless, ...checkPlacement(buffers, offsets, plan.arenaBytes)];
}
