import { z } from 'zod';
import { MinnowError } from '../../core/errors.ts';
import type { AnalyzedModel } from '../../core/model/types.ts';

export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop'] as const;

export const settingsSchema = z
  .object({
    optimizer: z.enum(OPTIMIZERS),
    learningRate: z.number().positive().max(10),
    batchSize: z.number().int().min(1).max(4096),
    epochs: z.number().int().min(1).max(10_000),
    /** Share of the data held out to validate on (and to test the int8 model with). */
    validationSplit: z.number().min(0.05).max(0.5),
    /** Stop when the validation loss has not improved by `minDelta` for `patience` epochs. */
    earlyStopping: z.object({
      enabled: z.boolean(),
      patience: z.number().int().min(1).max(1000),
      minDelta: z.number().min(0),
    }),
    /** Seeds the train/validation split, so a run can be repeated on the same samples. */
    seed: z.number().int().min(0),
    /** Train each layer with a `packing` on its packed grid (fake quantization), for what the board runs. */
    quantAware: z.boolean(),
  })
  .strict();

export type TrainSettings = z.output<typeof settingsSchema>;

const BASE: TrainSettings = {
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 32,
  epochs: 10,
  validationSplit: 0.2,
  earlyStopping: { enabled: false, patience: 3, minDelta: 0.001 },
  seed: 1,
  quantAware: false,
};

/** Settings known to train each bundled template well in a few minutes in the browser. */
const TEMPLATES: Readonly<Record<string, Partial<TrainSettings>>> = {
  'mnist-mlp': { epochs: 5 },
  lenet: { epochs: 5 },
  sine: { learningRate: 0.01, epochs: 100, earlyStopping: { enabled: true, patience: 15, minDelta: 0.0005 } },
  // A character model learns from many small steps (measured: see src/train/worker/char-lm.test.ts).
  'char-lm': { learningRate: 0.01, batchSize: 16, epochs: 4 },
  'imu-gestures': {
    learningRate: 0.002,
    epochs: 20,
    earlyStopping: { enabled: true, patience: 4, minDelta: 0.001 },
  },
};

const SPATIAL = new Set(['Conv2D', 'DepthwiseConv2D', 'Conv1D']);

/**
 * Defaults for a model: its template's when it is one, else by what it is made of. A model with weights
 * packed below int8 trains on their grid, so the board loses nothing to compiling.
 */
export function defaultSettings(model: AnalyzedModel): TrainSettings {
  const packed = model.layers.some((l) => (l.params.packing ?? 'int8') !== 'int8');
  const base = { ...BASE, quantAware: packed };
  const template = TEMPLATES[model.name];
  if (template) return { ...base, ...template };
  const convolutional = model.layers.some((l) => SPATIAL.has(l.type));
  return { ...base, epochs: convolutional ? 8 : 20 };
}

const FIXES: Readonly<Record<string, string>> = {
  optimizer: `Use one of ${OPTIMIZERS.join(', ')}.`,
  learningRate: 'Use a positive number such as 0.001.',
  batchSize: 'Use a whole number from 1 to 4096, such as 32.',
  epochs: 'Use a whole number from 1 to 10000.',
  validationSplit: 'Use a share from 0.05 to 0.5, such as 0.2.',
  earlyStopping: 'Give a patience of at least 1 epoch and a minimum improvement of 0 or more.',
  seed: 'Use a whole number of 0 or more.',
  quantAware: 'Use true to train on the packed weights the board runs, or false to train in float.',
};

/** Checks user settings over `defaults`; names the first bad setting in a coded error. */
export function parseSettings(
  raw: Partial<TrainSettings> | undefined,
  defaults: TrainSettings,
): TrainSettings {
  const merged = { ...defaults, ...raw, earlyStopping: { ...defaults.earlyStopping, ...raw?.earlyStopping } };
  const result = settingsSchema.safeParse(merged);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const setting = String(issue?.path[0] ?? 'settings');
  throw new MinnowError('TRAIN_SETTINGS', {
    setting,
    detail: issue?.message ?? 'invalid',
    fix: FIXES[setting] ?? '',
  });
}
