import { describe, expect, it } from 'vitest';
import { isMinnowError } from '../errors.ts';
import { prepare, run, selfTest } from '../reference/interpreter.ts';
import { ElementType, MAX_SIZE, NO_TENSOR, OPCODE } from './format.ts';
import { readBlob, testVectorOf } from './reader.ts';
import { tensorBytes } from './tensor-table.ts';
import { mutate, sampleBlob } from './test-blob.ts';
import type { BlobContent, TensorContent } from './types.ts';
import { encodeName, writeBlob } from './writer.ts';

const le32 = (values: number[]) => new Uint8Array(Int32Array.from(values).buffer);

/**
 * One Dense op written by hand: x (zero point 3) times W, plus B, scaled by 1/2 (multiplier 2^30, shift 0)
 * into y (zero point −1). Expected by hand: acc0 = 10 + (5−3)·1 + (−1−3)·2 + (3−3)·3 + (7−3)·(−4) = −12 → −6
 * → −7; acc1 = −20 + 2·10 − 4·0 + 0 + 4·1 = 4 → 2 → 1.
 */
const HAND: BlobContent = {
  name: 'hand',
  arenaSize: 32,
  inputTensor: 0,
  outputTensor: 1,
  tensors: [
    { constant: false, type: ElementType.INT8, shape: [4], offset: 0, scale: 0.5, zeroPoint: 3 },
    { constant: false, type: ElementType.INT8, shape: [2], offset: 16, scale: 0.25, zeroPoint: -1 },
    {
      constant: true,
      type: ElementType.INT8,
      shape: [2, 4],
      data: Uint8Array.from([1, 2, 3, -4, 10, 0, 5, 1].map((v) => v & 0xff)),
    },
    { constant: true, type: ElementType.INT32, shape: [2], data: le32([10, -20]) },
    { constant: true, type: ElementType.INT32, shape: [2, 2], data: le32([2 ** 30, 0, 2 ** 30, 0]) },
  ],
  ops: [
    {
      opcode: OPCODE.Dense,
      nIn: 1,
      in0: 0,
      out: 1,
      const0: 2,
      actMin: -128,
      actMax: 127,
      attr: [0, 0, 0, 0, 0, 0],
    },
  ],
};

describe('blob writer and reader', () => {
  it('[F-2] [F-3] [F-10] … [F-20] lay out the header, tables and 16-aligned constants', () => {
    const bytes = writeBlob(HAND);
    const view = new DataView(bytes.buffer);
    expect([...bytes.subarray(0, 4)]).toEqual([0x4d, 0x4e, 0x57, 0x42]);
    expect([view.getUint16(4, true), view.getUint16(6, true), view.getUint32(8, true)]).toEqual([
      1,
      64,
      bytes.length,
    ]);
    expect([view.getUint32(16, true), view.getUint16(20, true), view.getUint16(22, true)]).toEqual([
      32, 5, 1,
    ]);
    expect(new TextDecoder().decode(bytes.subarray(40, 44))).toBe('hand');
    // Tensor 0: desc = int8 | rank 1 << 4; zero point; dims; arena offset; f32 scale.
    expect([...bytes.subarray(64, 72)]).toEqual([0x11, 3, 4, 0, 0, 0, 0, 0]);
    expect(view.getFloat32(64 + 12, true)).toBe(0.5);
    // Tensor 2 (weights): constant bit, rank 2; offset past the tables (64 + 6·16 = 160), 16-aligned.
    expect(bytes[64 + 32]).toBe(0x80 | 0x20 | ElementType.INT8);
    const wOffset = view.getUint32(64 + 32 + 8, true);
    expect(wOffset % 16).toBe(0);
    expect(wOffset).toBeGreaterThanOrEqual(160);
    expect([...new Int8Array(bytes.buffer, wOffset, 8)]).toEqual([1, 2, 3, -4, 10, 0, 5, 1]);
    // Op entry.
    expect([...bytes.subarray(144, 160)]).toEqual([
      OPCODE.Dense,
      1,
      0,
      0,
      1,
      0,
      2,
      0,
      0x80,
      0x7f,
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
  });

  it('[F-53] [F-66] runs the hand-built Dense to the hand-computed bytes', () => {
    const program = prepare(readBlob(writeBlob(HAND)));
    expect([...run(program, Int8Array.from([5, -1, 3, 7]), new Uint8Array(32))]).toEqual([-7, 1]);
  });

  it('reads back what it wrote, and writes back the same bytes', () => {
    const bytes = sampleBlob();
    const blob = readBlob(bytes);
    const tensors: TensorContent[] = blob.tensors.map((t) =>
      t.constant
        ? {
            constant: true,
            type: t.type,
            shape: t.shape,
            data: blob.bytes.slice(t.offset, t.offset + tensorBytes(t)),
          }
        : { ...t, constant: false },
    );
    const { header } = blob;
    const content = { ...header, tensors, ops: blob.ops, testVector: testVectorOf(blob) };
    expect(Buffer.from(writeBlob(content)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('[F-5] accepts a partition longer than the blob and ignores the rest', () => {
    const bytes = sampleBlob();
    const partition = new Uint8Array(bytes.length + 4096).fill(0xff);
    partition.set(bytes);
    expect(readBlob(partition).bytes.length).toBe(bytes.length);
  });

  it('[F-20] cuts long names to 24 bytes at a character boundary', () => {
    expect(encodeName('a'.repeat(30)).length).toBe(24);
    expect(new TextDecoder().decode(encodeName('é'.repeat(13)))).toBe('é'.repeat(12));
    expect(readBlob(writeBlob({ ...HAND, name: 'ünïcödé-model-name-that-is-long' })).header.name).toBe(
      'ünïcödé-model-name-t',
    );
  });

  it('[F-19] embeds a test vector that the interpreter reproduces, and notices a wrong one', () => {
    const bytes = sampleBlob(true);
    const program = prepare(readBlob(bytes));
    const arena = new Uint8Array(program.blob.header.arenaSize);
    expect(() => selfTest(program, arena)).not.toThrow();
    const wrong = mutate(
      bytes,
      (v, b) => (b[v.getUint32(36, true)] = (b[v.getUint32(36, true)] as number) ^ 0x40),
    );
    expect(() => selfTest(prepare(readBlob(wrong)), arena)).toThrow(
      expect.objectContaining({ id: 'SELF_TEST_FAILED' }),
    );
    expect(() => selfTest(prepare(readBlob(sampleBlob(false))), arena)).toThrow(
      expect.objectContaining({ id: 'NO_TEST_VECTOR' }),
    );
  });

  it('[F-15] refuses a short arena and an input of the wrong size', () => {
    const program = prepare(readBlob(writeBlob(HAND)));
    const attempt = (arena: number, input: number) => {
      try {
        run(program, new Int8Array(input), new Uint8Array(arena));
        return 'ok';
      } catch (e) {
        return isMinnowError(e) ? e.id : 'crash';
      }
    };
    expect(attempt(31, 4)).toBe('ARENA_TOO_SMALL');
    expect(attempt(32, 5)).toBe('INPUT_SIZE');
    expect(attempt(64, 4)).toBe('ok');
  });

  it('[F-4] keeps within its bounds', () => {
    expect(NO_TENSOR).toBe(0xffff);
    expect(writeBlob(HAND).length).toBeLessThan(MAX_SIZE);
  });
});
