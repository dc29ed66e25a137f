/** Above this many classes, a table per class (balance, confusion, one bar each) is too big to read. */
export const MANY_CLASSES = 20;

export const manyClasses = (count: number): boolean => count > MANY_CLASSES;

/** The indices of the `k` largest values, largest first (the first index of equal values first). */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((a, b) => (values[b] as number) - (values[a] as number) || a - b)
    .slice(0, k);
}
