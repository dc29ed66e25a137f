import { MinnowError } from '../errors.ts';
import { formatShape, type Shape } from '../model/types.ts';
import type { LayerRef } from './types.ts';

/** The input shape does not suit the layer; `detail` says why, `fix` what to change. */
export function shapeMismatch(layer: LayerRef, shape: Shape, detail: string, fix: string): MinnowError {
  return new MinnowError('SHAPE_MISMATCH', {
    layer: layer.id,
    type: layer.type,
    shape: formatShape(shape),
    detail,
    fix,
  });
}

/** A parameter is well-formed but cannot work with this layer's inputs (an axis out of range, say). */
export function invalidParam(layer: LayerRef, param: string, detail: string, fix: string): MinnowError {
  return new MinnowError('INVALID_PARAM', { layer: layer.id, type: layer.type, param, detail, fix });
}

/** Throws SHAPE_MISMATCH unless the input has exactly `rank` axes; `want` names them, e.g. "[steps, features]". */
export function requireRank(layer: LayerRef, input: Shape, rank: number, want: string, fix: string): void {
  if (input.length !== rank) throw shapeMismatch(layer, input, `it needs a rank-${rank} input ${want}.`, fix);
}
