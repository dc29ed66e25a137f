/**
 * Whole-array helpers that hold for any length: spreading an array into Math.max or push passes one argument
 * per element, and a few hundred thousand of them overflow the call stack.
 */

/** The index of the first largest value; -1 when there is none. */
export function argMax(values: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (best < 0 || (values[i] as number) > (values[best] as number)) best = i;
  }
  return best;
}

/** The largest value; -Infinity when there is none, as Math.max(). */
export function maxOf(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] as number);
  return max;
}

/** Appends every value of `values` to `target`. */
export function appendAll(target: number[], values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) target.push(values[i] as number);
}
