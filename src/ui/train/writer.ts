import type { TensorEntry } from '../../core/blob/types.ts';
import { textTokens } from '../../core/blob/utf8.ts';
import { resetState } from '../../core/reference/generate.ts';
import { run, type Program } from '../../core/reference/interpreter.ts';
import { temperatureChoice } from '../../core/reference/sample.ts';

/** Writes a text token by token, a few at a time, so the page can draw between the batches. */
export interface TextWriter {
  /** Chooses the next `count` tokens, feeding each back in. */
  next(count: number): number[];
}

/**
 * The loop of sampleTokens (P-16 with a temperature), cut into resumable steps: the state is reset and the
 * prompt run once, then every `next` carries on where the last stopped, drawing from the same seeded choice.
 * Token id t goes in as the int8 value t − 128 (F-73).
 */
export function startWriting(
  program: Program,
  prompt: readonly number[],
  options: { readonly temperature: number; readonly seed: number },
): TextWriter {
  const arena = new Uint8Array(program.blob.header.arenaSize);
  const output = program.blob.tensors[program.blob.header.outputTensor] as TensorEntry;
  const choose = temperatureChoice(output.scale, options.temperature, options.seed);
  const feed = (token: number) => run(program, Int8Array.of(token - 128), arena);
  resetState(program, arena);
  let last: Int8Array = new Int8Array(output.shape.reduce((a, b) => a * b, 1));
  for (const token of prompt) last = feed(token);
  return {
    next(count) {
      const tokens: number[] = [];
      for (let k = 0; k < count; k++) {
        const token = choose(last);
        tokens.push(token);
        last = feed(token);
      }
      return tokens;
    },
  };
}

export interface BatchOptions {
  /** Tokens per batch: small, so the text visibly grows and Stop answers at once. */
  readonly batch: number;
  /** Sees all tokens so far after each batch, with the milliseconds spent computing them. */
  readonly onBatch: (tokens: readonly number[], computeMs: number) => void;
  readonly stopped: () => boolean;
  /** Lets the page draw and take clicks between batches. */
  readonly pause: () => Promise<void>;
  readonly now: () => number;
}

/** Writes `count` tokens in batches with a pause between them; returns the tokens written before a stop. */
export async function writeInBatches(
  writer: TextWriter,
  count: number,
  options: BatchOptions,
): Promise<number[]> {
  const tokens: number[] = [];
  let computeMs = 0;
  while (tokens.length < count && !options.stopped()) {
    const started = options.now();
    tokens.push(...writer.next(Math.min(options.batch, count - tokens.length)));
    computeMs += options.now() - started;
    options.onBatch(tokens, computeMs);
    await options.pause();
  }
  return tokens;
}

export interface WriteRequest {
  readonly prompt: string;
  /** Tokens to write after the prompt. */
  readonly length: number;
  readonly temperature: number;
  readonly seed: number;
}

/** Writes after a text prompt (its UTF-8 bytes are the prompt tokens), batch by batch; errors reject. */
export async function writeText(
  program: Program,
  request: WriteRequest,
  options: BatchOptions,
): Promise<number[]> {
  const writer = startWriting(program, textTokens(request.prompt), request);
  return writeInBatches(writer, request.length, options);
}
