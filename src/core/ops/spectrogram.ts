import { z } from 'zod';
import { frameCount, SPECTROGRAM_DEFAULTS as D } from '../quant/spectrogram.ts';
import { invalidParam, requireRank, shapeMismatch } from './layer-errors.ts';
import { positiveInt } from './params.ts';
import { defineOp } from './types.ts';

/** F-76: FFT lengths the blob allows. */
const FFT_LENGTHS = [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] as const;

const schema = z
  .object({
    sampleRate: positiveInt.max(65535).default(D.sampleRate),
    frameLength: positiveInt.max(1024).default(D.frameLength),
    frameStep: positiveInt.max(65535).default(D.frameStep),
    fftLength: z
      .number()
      .refine((n) => (FFT_LENGTHS as readonly number[]).includes(n), 'a power of two from 2 to 1024')
      .default(D.fftLength),
    melBins: positiveInt.max(256).default(D.melBins),
    lowHz: z.number().nonnegative().default(D.lowHz),
    highHz: z.number().positive().default(D.highHz),
  })
  .strict();

/**
 * The real multiplies of one frame (M-9): window, FFT butterflies (4 each), power (2 per bin), mel weights
 * (each bin lies in at most two triangles).
 */
export function frameMacs(p: z.output<typeof schema>): number {
  const n = p.fftLength;
  return p.frameLength + 2 * n * Math.log2(n) + 2 * (n / 2 + 1) + 2 * (n / 2 + 1);
}

/** The audio front end: raw samples in [−1, 1) to log-mel features [frames, melBins] (docs/FORMAT.md F-76). */
export const spectrogram = defineOp({
  type: 'Spectrogram',
  category: 'audio',
  summary:
    'Turns raw audio (one clip of samples) into a picture of its pitches over time: frames, FFT, mel bins, log.',
  kind: 'compute',
  schema,
  examples: {},
  arity: { min: 1, max: 1 },
  outputShape(p, [input = []], layer) {
    requireRank(layer, input, 1, '[samples]', 'Feed it the model input, raw audio such as [16000].');
    const samples = input[0] ?? 0;
    if (p.frameLength > p.fftLength)
      throw invalidParam(
        layer,
        'frameLength',
        `${p.frameLength} exceeds fftLength ${p.fftLength}.`,
        'Use a frame no longer than the FFT.',
      );
    if (!(p.lowHz < p.highHz && p.highHz <= p.sampleRate / 2))
      throw invalidParam(
        layer,
        'highHz',
        `the mel range ${p.lowHz}–${p.highHz} Hz must be increasing and end at or below half the sample rate (${p.sampleRate / 2} Hz).`,
        'Choose lowHz < highHz ≤ sampleRate / 2.',
      );
    if (samples < p.frameLength)
      throw shapeMismatch(
        layer,
        input,
        `${samples} samples are fewer than one frame of ${p.frameLength}.`,
        'Record longer clips or shorten frameLength.',
      );
    return [frameCount(samples, p), p.melBins];
  },
  weights: () => [],
  macs: (p, _inputs, output) => (output[0] ?? 0) * frameMacs(p),
});
