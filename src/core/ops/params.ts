import { z } from 'zod';
import { ACTIVATIONS, WEIGHT_PACKINGS } from '../model/types.ts';
import { perAxis } from './window.ts';

/** Parameter building blocks shared by the op schemas; names and defaults follow tfjs-layers. */
export const positiveInt = z.number().int().positive();
export const activation = z.enum(ACTIVATIONS).default('linear');
export const useBias = z.boolean().default(true);
/** How the compiled blob stores the layer's weights; a layer choice, so the flash budget follows it. */
export const packing = z.enum(WEIGHT_PACKINGS).default('int8');
export const padding = z.enum(['valid', 'same']).default('valid');
/** tfjs counts axes with the batch axis as 0, so -1 is the last axis and 1 the first data axis. */
export const axis = z.number().int();
/** Gate activation of recurrent layers; tfjs defaults to the cheaper hard sigmoid. */
export const recurrentActivation = z.enum(['hardSigmoid', 'sigmoid']).default('hardSigmoid');

/** A window size or stride for `axes` spatial axes: one number for all or one per axis, parsed to one per axis. */
export function windowSize(axes: number) {
  const example = axes === 1 ? '3 or [3]' : `3 or [${perAxis(3, axes).join(', ')}]`;
  return z
    .union([positiveInt, z.array(positiveInt).length(axes)], {
      error: `expected a positive whole number, or ${axes} of them (one per axis), such as ${example}`,
    })
    .transform((value): number[] => perAxis(value, axes));
}

/** Strides of a convolution: tfjs defaults to 1 on every axis. */
export function convStrides(axes: number) {
  return windowSize(axes).default(() => perAxis(1, axes));
}
