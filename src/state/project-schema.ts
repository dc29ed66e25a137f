import { z } from 'zod';
import { chipIds } from '../core/chips/catalog.ts';

export const PROJECT_FORMAT = 'minnow-project';
export const PROJECT_VERSION = 3;
/**
 * Versions this Minnow reads: version 1 files are projects without trained weights, version 2 files have no
 * record of the last training run.
 */
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3];
/** Far above any model the app can plan; refuses runaway files before parsing them. */
export const MAX_PROJECT_FILE_BYTES = 5 * 1024 * 1024;

const isoTime = z.iso.datetime({ offset: true });

/**
 * The outer shape of a project file, versions 1 to 3 (docs/PROJECT.md). The model, weights and training inside are
 * checked afterwards by their own parsers, so that their errors keep their codes and paths.
 */
export const projectFileSchema = z.strictObject({
  format: z.literal(PROJECT_FORMAT),
  version: z.union([z.literal(1), z.literal(2), z.literal(PROJECT_VERSION)]),
  name: z.string().trim().min(1, 'the name must not be empty').max(80),
  chip: z.string().refine((id) => chipIds().includes(id), {
    error: (issue) => `unknown chip "${String(issue.input)}"; known chips: ${chipIds().join(', ')}`,
  }),
  model: z.unknown(),
  weights: z.unknown().optional(),
  training: z.unknown().optional(),
  /** Webcam frames and microphone clips (docs/PROJECT.md PC-1), any version; checked by decodeCaptures. */
  captures: z.unknown().optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export type ProjectFileShape = z.infer<typeof projectFileSchema>;
