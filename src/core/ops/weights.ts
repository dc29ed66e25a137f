import type { Shape, WeightSpec } from '../model/types.ts';

/** A kernel and, when the layer uses one, a bias with `biasSize` entries (tfjs weight names). */
export function kernelAndBias(
  kernelName: string,
  kernel: Shape,
  biasSize: number,
  useBias: boolean,
): WeightSpec[] {
  const weights: WeightSpec[] = [{ name: kernelName, shape: kernel }];
  if (useBias) weights.push({ name: 'bias', shape: [biasSize] });
  return weights;
}
