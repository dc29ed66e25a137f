import { encodeUtf8 } from '../../core/blob/utf8.ts';
import type { Sample } from '../device/RunSample.tsx';

/**
 * The most tokens a token-stream model calibrates on. Each one is a float run of the whole model on the page's
 * thread; this many cover a text's activation ranges and compile in a fraction of a second.
 */
export const CALIBRATION_TOKENS = 2048;

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
  const windows = samples.map((s) => s.values).filter(isTokenWindow);
  const tokens: number[] = [];
  let used = 0;
  for (const values of windows) {
    if (tokens.length >= CALIBRATION_TOKENS) break;
    tokens.push(...values);
    used++;
  }
  const stream = used > 0 ? tokens.slice(0, CALIBRATION_TOKENS) : Array.from(encodeUtf8(BUILT_IN_TEXT));
  return { inputs: stream.map((t) => Float32Array.of(t)), samples: used };
}
