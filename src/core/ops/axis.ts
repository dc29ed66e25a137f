import type { Shape } from '../model/types.ts';
import { invalidParam } from './layer-errors.ts';
import type { LayerRef } from './types.ts';

/**
 * Resolves an `axis` parameter to an index into a shape without the batch axis. tfjs counts the batch axis
 * as axis 0, so axis 1 is the first data axis and -1 the last; a model file means what tfjs means.
 */
export function dataAxis(layer: LayerRef, axis: number, rank: number): number {
  const resolved = axis < 0 ? rank + 1 + axis : axis;
  if (resolved === 0) {
    throw invalidParam(
      layer,
      'axis',
      `axis ${axis} is the batch axis, which holds separate samples.`,
      'Use -1 for the last axis, or 1 for the first axis of each sample.',
    );
  }
  if (resolved < 0 || resolved > rank) {
    throw invalidParam(
      layer,
      'axis',
      `axis ${axis} does not exist on an input with ${rank} axes.`,
      `Use an axis from 1 to ${rank}, or from -1 to -${rank}.`,
    );
  }
  return resolved - 1;
}

/** Throws unless `axis` names the last axis of `input`: the only one these kernels normalize over. */
export function requireLastAxis(layer: LayerRef, axis: number, input: Shape): void {
  if (dataAxis(layer, axis, input.length) !== input.length - 1) {
    throw invalidParam(
      layer,
      'axis',
      `only the last axis is supported, not axis ${axis}.`,
      'Use "axis": -1.',
    );
  }
}
