import { MinnowError } from '../errors.ts';
import { MAX_PAYLOAD } from './frame.ts';
import { PayloadReader } from './payload.ts';

/** P-16: the most prompt tokens one `generate` request carries. */
export const MAX_PROMPT = MAX_PAYLOAD - 2;

/** P-16 request: `u16 maxTokens` then the prompt, one `u8` token id each (1 … MAX_PROMPT of them). */
export function encodeGenerate(maxTokens: number, prompt: readonly number[]): Uint8Array {
  const bad = prompt.find((t) => !Number.isInteger(t) || t < 0 || t > 255);
  if (prompt.length === 0 || prompt.length > MAX_PROMPT || bad !== undefined) {
    throw new MinnowError('PROTO_PAYLOAD', {
      kind: 'generate',
      detail: `a prompt is 1–${MAX_PROMPT} token ids in 0–255${bad === undefined ? '' : `, not ${bad}`}`,
    });
  }
  if (!Number.isInteger(maxTokens) || maxTokens < 0 || maxTokens > 0xffff)
    throw new MinnowError('PROTO_PAYLOAD', {
      kind: 'generate',
      detail: `maxTokens ${maxTokens} is not a u16`,
    });
  const out = new Uint8Array(2 + prompt.length);
  new DataView(out.buffer).setUint16(0, maxTokens, true);
  out.set(prompt, 2);
  return out;
}

/** P-16 `tok` partial: `u16 index` (0, 1, … in order), `u8 token`. */
export function decodeToken(payload: Uint8Array): { index: number; token: number } {
  const r = new PayloadReader(payload, 'tok');
  const result = { index: r.u16(), token: r.u8() };
  r.end();
  return result;
}

export interface GenerateResult {
  readonly tokens: number;
  /** Summed over every run (prompt and generated tokens), in the board's cycle unit. */
  readonly cycles: number;
  readonly runs: number;
}

/** P-16 final `generate`: `u32 tokens`, `u64 cycles`, `u32 runs`. */
export function decodeGenerate(payload: Uint8Array): GenerateResult {
  const r = new PayloadReader(payload, 'generate');
  const result = { tokens: r.u32(), cycles: r.u64(), runs: r.u32() };
  r.end();
  return result;
}
