import { formatShape, type Shape } from '../model/types.ts';

/** The model file allows at most 64 inputs per layer. */
export const MERGE_ARITY = { min: 2, max: 64 } as const;

export function formatShapes(shapes: readonly Shape[]): string {
  return shapes.map(formatShape).join(', ');
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
