import { isTokenStream } from '../../core/model/token-stream.ts';
import type { AnalyzedModel } from '../../core/model/types.ts';
import { sampleOf, sampleSize, type Dataset } from '../datasets/types.ts';

/** The most tokens a token-stream model calibrates on: its float reference runs them one at a time. */
export const MAX_CALIBRATION_TOKENS = 2048;
/** The most tokens its int8 check runs: one reference run each, about half a millisecond in the page. */
export const MAX_EVALUATION_TOKENS = 16_384;

/**
 * The tokens of windows of token ids, in order, as one stream of at most `max` tokens, and how many windows
 * it took from: what a token-stream model is calibrated on, read one token per run with its state kept.
 */
export function streamTokens(
  windows: Iterable<Float32Array>,
  max = MAX_CALIBRATION_TOKENS,
): { tokens: number[]; windows: number } {
  const tokens: number[] = [];
  let used = 0;
  for (const window of windows) {
    if (tokens.length >= max) break;
    tokens.push(...window);
    used++;
  }
  return { tokens: tokens.slice(0, max), windows: used };
}

/**
 * What the int8 model's activation ranges are calibrated on: the first `count` training samples. A token
 * stream takes the tokens of the first validation windows instead, in order, one input each: compiled with
 * its GRU state kept, the model reads them as a stream of text, as the board does.
 */
export function calibrationInputs(
  model: AnalyzedModel,
  data: { readonly train: Dataset; readonly validation: Dataset },
  count: number,
): Float32Array[] {
  if (!isTokenStream(model))
    return Array.from({ length: Math.min(count, data.train.count) }, (_, i) => sampleOf(data.train, i));
  const { validation } = data;
  const windows = Array.from({ length: Math.min(count, validation.count) }, (_, i) =>
    sampleOf(validation, i),
  );
  return streamTokens(windows).tokens.map((token) => Float32Array.of(token));
}

/** How many validation samples the int8 check scores: `wanted`, fewer windows of a long token stream. */
export function evaluatedCount(model: AnalyzedModel, validation: Dataset, wanted: number): number {
  const tokens = isTokenStream(model) ? sampleSize(validation) : 0;
  const cap = tokens > 0 ? Math.max(1, Math.floor(MAX_EVALUATION_TOKENS / tokens)) : Infinity;
  return Math.min(wanted, validation.count, cap);
}
