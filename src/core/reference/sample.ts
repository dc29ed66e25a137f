import type { TensorEntry } from '../blob/types.ts';
import { createRandom } from '../random.ts';
import { argmaxInt8, generateWith } from './generate.ts';
import type { Program } from './interpreter.ts';

export interface SampleOptions {
  /** 0 picks the most likely token (greedy, as the board's `generate` does); higher spreads the choice. */
  readonly temperature: number;
  readonly seed: number;
  readonly onToken?: (token: number, index: number) => void;
}

/**
 * Draws token i with probability ∝ exp(logit_i / T), the logits being the int8 output read back through its
 * scale: what the board computes, sampled on the page. The draw inverts the cumulative sum with one seeded
 * uniform number, so a seed repeats a text exactly.
 */
export function temperatureChoice(scale: number, temperature: number, seed: number) {
  const random = createRandom(seed);
  return (output: Int8Array): number => {
    if (!(temperature > 0)) return argmaxInt8(output);
    const top = Math.max(...output);
    const weights = Array.from(output, (q) => Math.exp(((q - top) * scale) / temperature));
    let left = random.float() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < weights.length; i++) {
      left -= weights[i] as number;
      if (left < 0) return i;
    }
    return weights.length - 1;
  };
}

/** Generates `count` tokens after `prompt` on the int8 reference, choosing each with `options.temperature`. */
export function sampleTokens(
  program: Program,
  arena: Uint8Array,
  prompt: readonly number[],
  count: number,
  options: SampleOptions,
): number[] {
  const output = program.blob.tensors[program.blob.header.outputTensor] as TensorEntry;
  const choose = temperatureChoice(output.scale, options.temperature, options.seed);
  return generateWith(program, arena, prompt, count, choose, options.onToken);
}
