import type { LossKind } from '../session/output.ts';

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}

/** The class an output stands for: the top score, or above one half for a single sigmoid unit. */
export function classOf(output: ArrayLike<number>, kind: LossKind): number {
  if (kind === 'binary' && output.length === 1) return (output[0] as number) > 0.5 ? 1 : 0;
  return argmax(output);
}

/** counts[truth][predicted]. */
export function confusionMatrix(
  truth: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): number[][] {
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const row = counts[truth[i] as number];
    const p = predicted[i] as number;
    if (row && p >= 0 && p < classes) row[p] = (row[p] ?? 0) + 1;
  }
  return counts;
}

/** Share of the diagonal: the accuracy a confusion matrix records. */
export function accuracyOf(confusion: readonly (readonly number[])[]): number {
  let right = 0;
  let all = 0;
  confusion.forEach((row, t) => {
    for (const n of row) all += n;
    right += row[t] ?? 0;
  });
  return all > 0 ? right / all : 0;
}

export function meanAbsoluteError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
  return a.length > 0 ? sum / a.length : 0;
}

/** ‖got − want‖ / ‖want‖ over all values: error relative to the signal, 0 when identical. */
export function relativeError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as number;
    diff += ((got[i] as number) - w) ** 2;
    norm += w * w;
  }
  return norm > 0 ? Math.sqrt(diff / norm) : Math.sqrt(diff / Math.max(1, want.length));
}
