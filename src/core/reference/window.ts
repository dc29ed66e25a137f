import { MAX_REDUCE } from '../blob/format.ts';

/** One spatial axis of a window op (F-46). */
export interface WindowAxis {
  readonly size: number;
  readonly window: number;
  readonly stride: number;
  readonly pad: number;
  readonly out: number;
}

/** F-46 attribute rule: stride and window at least 1, padding smaller than the window. */
export function axisAttributeProblem(name: string, a: WindowAxis): string | undefined {
  if (a.stride < 1) return `${name} stride is 0`;
  if (a.window < 1) return `${name} window is 0`;
  if (a.pad >= a.window) return `${name} padding ${a.pad} is not smaller than the window ${a.window}`;
  return undefined;
}

/** F-46 shape rule: at least one output, and every window overlaps the input. */
export function axisShapeProblem(name: string, a: WindowAxis): string | undefined {
  if ((a.out - 1) * a.stride - a.pad > a.size - 1) {
    return `${name}: ${a.out} outputs with stride ${a.stride} and padding ${a.pad} run past an input of ${a.size}`;
  }
  return undefined;
}

export function firstProblem(...problems: (string | undefined)[]): string | undefined {
  return problems.find((p) => p !== undefined);
}

/** F-44: dot products stay within int32. */
export function reduceProblem(length: number): string | undefined {
  return length > MAX_REDUCE ? `a dot product of ${length} terms exceeds ${MAX_REDUCE}` : undefined;
}

/**
 * The in-bounds positions of one window along an axis: `from`..`to` (excluded) in the input, and the
 * window index of `from`. Padding positions are simply skipped.
 */
export function windowSpan(o: number, a: WindowAxis): { from: number; to: number; k0: number } {
  const start = o * a.stride - a.pad;
  const from = Math.max(start, 0);
  return { from, to: Math.min(start + a.window, a.size), k0: from - start };
}
