import { z } from 'zod';
import { chipIds } from '../core/chips/catalog.ts';

export const PROJECT_FORMAT = 'minnow-project';
export const PROJECT_VERSION = 1;
/** Far above any model the app can plan; refuses runaway files before parsing them. */
export const MAX_PROJECT_FILE_BYTES = 5 * 1024 * 1024;

const isoTime = z.iso.datetime({ offset: true });

/**
 * The outer shape of a project file, version 1 (docs/PROJECT.md). The model inside is checked afterwards by
 * the model file's own parser, so that its errors keep their codes and layer names.
 */
export const projectFileSchema = z.strictObject({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  name: z.string().trim().min(1, 'the name must not be empty').max(80),
  chip: z.string().refine((id) => chipIds().includes(id), {
    error: (issue) => `unknown chip "${String(issue.input)}"; known chips: ${chipIds().join(', ')}`,
  }),
  model: z.unknown(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export type ProjectFileShape = z.infer<typeof projectFileSchema>;
