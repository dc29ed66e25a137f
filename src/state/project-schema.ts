import { z } from 'zod';
import { chipIds } from '../core/chips/catalog.ts';

export const PROJECT_FORMAT = 'minnow-project';
export const PROJECT_VERSION = 4;
/**
 * Versions this Minnow reads: version 1 files are projects without trained weights, version 2 files have no
 * record of the last training run, version 3 files no imported source or int8 quantization.
 */
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3, 4];
/** Holds an imported 3 MB model (its weights in base64) with room to spare; refuses runaway files before parsing. */
export const MAX_PROJECT_FILE_BYTES = 16 * 1024 * 1024;

const isoTime = z.iso.datetime({ offset: true });

/**
 * The outer shape of a project file, versions 1 to 4 (docs/PROJECT.md). The model, weights and training inside are
 * checked afterwards by their own parsers, so that their errors keep their codes and paths.
 */
export const projectFileSchema = z.strictObject({
  format: z.literal(PROJECT_FORMAT),
  version: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(PROJECT_VERSION)]),
  name: z.string().trim().min(1, 'the name must not be empty').max(80),
  chip: z.string().refine((id) => chipIds().includes(id), {
    error: (issue) => `unknown chip "${String(issue.input)}"; known chips: ${chipIds().join(', ')}`,
  }),
  model: z.unknown(),
  weights: z.unknown().optional(),
  training: z.unknown().optional(),
  source: z
    .strictObject({ format: z.enum(['tflite', 'tfjs-layers']), file: z.string().min(1).max(260) })
    .optional(),
  quantization: z.unknown().optional(),
  /** Webcam frames and microphone clips (docs/PROJECT.md PC-1), any version; checked by decodeCaptures. */
  captures: z.unknown().optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export type ProjectFileShape = z.infer<typeof projectFileSchema>;
