import { describe, expect, it } from 'vitest';
import { decodeGenerate, decodeToken, encodeGenerate, MAX_PROMPT } from './generate.ts';

describe('P-16 generate payloads', () => {
  it('the request is u16 maxTokens then one byte per prompt token', () => {
    expect([...encodeGenerate(300, [72, 105])]).toEqual([44, 1, 72, 105]);
  });

  it('refuses empty, oversized and out-of-range prompts and counts (E504)', () => {
    for (const [count, prompt] of [
      [5, []],
      [5, Array.from({ length: MAX_PROMPT + 1 }, () => 1)],
      [5, [256]],
      [5, [-1]],
      [5, [1.5]],
      [65536, [1]],
      [-1, [1]],
    ] as const) {
      expect(() => encodeGenerate(count, prompt)).toThrow(expect.objectContaining({ id: 'PROTO_PAYLOAD' }));
    }
  });

  it('tok is u16 index then u8 token; generate is u32 tokens, u64 cycles, u32 runs', () => {
    expect(decodeToken(Uint8Array.of(2, 1, 200))).toEqual({ index: 258, token: 200 });
    const final = Uint8Array.of(3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 18, 0, 0, 0);
    expect(decodeGenerate(final)).toEqual({ tokens: 3, cycles: 2 ** 32 + 1, runs: 18 });
  });

  it('garbage payloads are coded errors, not crashes', () => {
    for (const bytes of [new Uint8Array(0), Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3, 4)])
      expect(() => decodeToken(bytes)).toThrow(expect.objectContaining({ code: 504 }));
    for (const bytes of [new Uint8Array(0), new Uint8Array(15), new Uint8Array(17)])
      expect(() => decodeGenerate(bytes)).toThrow(expect.objectContaining({ code: 504 }));
  });
});
