import { z } from 'zod';

/**
 * The outer shape of a model file. Layer parameters are checked afterwards by each op's own schema, so
 * that an error can name the layer and the parameter instead of a path into a union.
 */
export const layerSchema = z
  .object({
    id: z.string().min(1, 'a layer id must not be empty').max(64),
    type: z.string().min(1),
    inputs: z.array(z.string().min(1)).min(1).max(64).optional(),
  })
  .loose();

export const modelSchema = z.object({
  format: z.literal('minnow-model'),
  version: z.number().int(),
  name: z.string().min(1).max(64),
  description: z.string().max(1000).optional(),
  input: z.object({
    shape: z
      .array(
        z
          .number()
          .int()
          .positive()
          .max(1 << 20),
      )
      .min(1)
      .max(4),
  }),
  layers: z.array(layerSchema).max(1000),
});
