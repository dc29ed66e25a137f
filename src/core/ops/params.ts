import { z } from 'zod';
import { ACTIVATIONS } from '../model/types.ts';

/** Parameter building blocks shared by the op schemas; names and defaults follow tfjs-layers. */
export const positiveInt = z.number().int().positive();
export const activation = z.enum(ACTIVATIONS).default('linear');
export const useBias = z.boolean().default(true);
export const padding = z.enum(['valid', 'same']).default('valid');
/** One size for every spatial axis, or one per axis. */
export const window2d = z.union([positiveInt, z.tuple([positiveInt, positiveInt])]);
export const window1d = z.union([positiveInt, z.tuple([positiveInt])]);
