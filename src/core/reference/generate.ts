import { OPCODE } from '../blob/format.ts';
import { tensorBytes } from '../blob/tensor-table.ts';
import { run, type Program } from './interpreter.ts';

/** F-69: clears the state of every GRU, as a new sequence starts. */
export function resetState(program: Program, arena: Uint8Array): void {
  for (const { operands } of program.ops) {
    const state = operands.inputs[1];
    if (operands.op.opcode === OPCODE.GRU && state)
      arena.fill(0, state.offset, state.offset + tensorBytes(state));
  }
}

/** The first index of the largest value: greedy decoding (int8 order is the order of the real values). */
export function argmaxInt8(values: Int8Array): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v > (values[best] as number)) best = i;
  });
  return best;
}

/**
 * P-16 greedy generation, as the board runs it: reset the state, run the prompt one token per run, then
 * take the argmax of each output as the next token and feed it back. Token id i is the int8 input i − 128
 * (F-73). Returns the `count` generated ids.
 */
export function generateGreedy(
  program: Program,
  arena: Uint8Array,
  prompt: readonly number[],
  count: number,
): number[] {
  return generateWith(program, arena, prompt, count, argmaxInt8);
}

/**
 * The loop of P-16 with any choice of the next token from the model's int8 output: reset the state, run the
 * prompt, then choose, feed back and repeat. `onToken` sees each token as it is chosen (to show it at once).
 */
export function generateWith(
  program: Program,
  arena: Uint8Array,
  prompt: readonly number[],
  count: number,
  choose: (output: Int8Array) => number,
  onToken?: (token: number, index: number) => void,
): number[] {
  resetState(program, arena);
  let output: Int8Array = new Int8Array(0);
  for (const token of prompt) output = run(program, Int8Array.of(token - 128), arena);
  const tokens: number[] = [];
  for (let k = 0; k < count; k++) {
    const next = choose(output);
    tokens.push(next);
    onToken?.(next, k);
    if (k + 1 < count) output = run(program, Int8Array.of(next - 128), arena);
  }
  return tokens;
}
