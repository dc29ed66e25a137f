import { encodeUtf8 } from '../../core/blob/utf8.ts';
import { streamTokens } from '../../train/quantize/board-inputs.ts';
import type { Sample } from '../device/RunSample.tsx';

/** Calibrates a token-stream model before it has trained on a text of its own. */
export const BUILT_IN_TEXT =
  'The board reads one character at a time and remembers what came before. ' +
  'Give it a few lines of text to learn from, and it writes more in the same style: ' +
  'letters, spaces, punctuation, numbers like 42 and 3.14, and new lines.\n';

export interface TokenCalibration {
  /** One input per token, Float32Array.of(token id), in the order of the text. */
  readonly inputs: Float32Array[];
  /** Training samples (windows of token ids) the tokens came from; 0 means the built-in text. */
  readonly samples: number;
}

const isTokenWindow = (values: Float32Array) =>
  values.length > 0 && values.every((v) => Number.isInteger(v) && v >= 0 && v <= 255);

/**
 * The calibration stream of a token-stream model: the training windows flattened in order, as the board
 * reads text one token per run with its state kept (F-69); the built-in text when there are none.
 */
export function tokenCalibration(samples: readonly Sample[]): TokenCalibration {
  const { tokens, windows } = streamTokens(samples.map((s) => s.values).filter(isTokenWindow));
  const stream = windows > 0 ? tokens : Array.from(encodeUtf8(BUILT_IN_TEXT));
  return { inputs: stream.map((t) => Float32Array.of(t)), samples: windows };
}
