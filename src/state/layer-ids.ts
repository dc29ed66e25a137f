import { INPUT_ID, type ModelSpec } from '../core/model/types.ts';

/** Keras-style ids: "Dense" → "dense", then "dense_1", "dense_2"… */
export function newLayerId(spec: ModelSpec, type: string): string {
  const base = type.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase() || 'layer';
  const taken = new Set(spec.layers.map((l) => l.id));
  if (!taken.has(base)) return base;
  for (let n = 1; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Why `next` cannot replace `current` as a layer id, or null when it can. */
export function layerIdProblem(spec: ModelSpec, current: string, next: string): string | null {
  if (next.trim() === '') return 'An id cannot be empty.';
  if (next !== next.trim()) return 'An id cannot start or end with a space.';
  if (next.length > 64) return 'An id has at most 64 characters.';
  if (next === INPUT_ID) return '"input" is the name of the model input.';
  if (next !== current && spec.layers.some((l) => l.id === next)) return `Another layer is named "${next}".`;
  return null;
}
