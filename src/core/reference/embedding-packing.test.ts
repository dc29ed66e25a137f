import { describe, expect, it } from 'vitest';
import { compileModel } from '../blob/compile.ts';
import { blobSize } from '../blob/size.ts';
import { ElementType, OPCODE } from '../blob/format.ts';
import { readBlob } from '../blob/reader.ts';
import { mutate } from '../blob/test-blob.ts';
import type { BlobContent } from '../blob/types.ts';
import { writeBlob } from '../blob/writer.ts';
import { analyzeModel } from '../model/analyze.ts';
import type { AnalyzedModel, LayerSpec, ModelSpec } from '../model/types.ts';
import type { WeightPacking } from '../quant/packing.ts';
import { randomWeights } from '../quant/random-weights.ts';
import type { FloatWeights } from '../quant/types.ts';
import { prepare, run } from './interpreter.ts';
import { representable, sampleInputs, stepErrors, type Case } from './test-harness.ts';

const le32 = (values: number[]) => new Uint8Array(Int32Array.from(values).buffer);

/**
 * The blob of the C host test test_embedding.c, by hand: a [3, 6] ternary table (levels below, packed by
 * hand per F-30 into 59, 76, 82, 133), R multiplying column d by 16, 8, 0.5, 1, 32, 4, output zero point −3,
 * clamp [−30, 20], ids 0, 2, 1 and 7 (past the table: row 2).
 */
const LEVELS = [1, 0, -1, 1, -1, 0, 0, 1, 1, -1, 0, -1, -1, -1, 0, 0, 1, 1];
const HAND: BlobContent = {
  name: 'embedding',
  arenaSize: 28,
  inputTensor: 0,
  outputTensor: 1,
  tensors: [
    { constant: false, type: ElementType.INT8, shape: [4], offset: 0, scale: 1, zeroPoint: -128 },
    { constant: false, type: ElementType.INT8, shape: [4, 6], offset: 4, scale: 1 / 128, zeroPoint: -3 },
    { constant: true, type: ElementType.TERNARY, shape: [3, 6], data: Uint8Array.of(59, 76, 82, 133) },
    {
      constant: true,
      type: ElementType.INT32,
      shape: [6, 2],
      data: le32([5, 4, 0, 1, 6, 3].flatMap((shift) => [2 ** 30, shift])),
    },
  ],
  ops: [
    {
      opcode: OPCODE.Embedding,
      nIn: 1,
      in0: 0,
      out: 1,
      const0: 2,
      actMin: -30,
      actMax: 20,
      attr: [1, 0, 0, 0, 0, 0],
    },
  ],
};

const tokens = (packing: WeightPacking, tail: LayerSpec[]): ModelSpec => ({
  format: 'minnow-model',
  version: 1,
  name: 'tokens',
  input: { shape: [6] },
  layers: [{ id: 'e', type: 'Embedding', inputDim: 20, outputDim: 7, packing }, ...tail],
});
const HEAD: LayerSpec[] = [
  { id: 'f', type: 'Flatten' },
  { id: 'out', type: 'Dense', units: 3 },
];

/** A table on the packing's grid, built without the compiler: column d holds levels × 0.02·(d + 1). */
function onGrid(m: AnalyzedModel, weights: FloatWeights, top: number): FloatWeights {
  const table = weights.e?.embeddings as Float32Array;
  const dim = 7;
  const level = (i: number) => (i < dim ? top : ((i * 7919) % (2 * top + 1)) - top);
  const embeddings = table.map((_, i) => level(i) * 0.02 * ((i % dim) + 1));
  return { ...weights, e: { embeddings } };
}

const ids = (m: AnalyzedModel, seed: number) => sampleInputs(m, 3, seed);

function compiled(packing: WeightPacking, tail = HEAD, seed = 3): Case {
  const model = analyzeModel(tokens(packing, tail));
  // The other layers' kernels on their int8 grid, so that each step's error is its arithmetic's alone.
  const weights = representable(model, onGrid(model, randomWeights(model, seed), packing === 'int4' ? 7 : 1));
  const c = compileModel(model, weights, { calibration: ids(model, seed) });
  return { model, weights, compiled: c, program: prepare(readBlob(c.blob)) };
}

describe('packed Embedding tables (F-67, F-30, F-75)', () => {
  it('[F-67] a hand-made ternary table: rows unpacked and requantized per column, as computed by hand', () => {
    const program = prepare(readBlob(writeBlob(HAND)));
    const y = run(program, Int8Array.of(-128, -126, -127, -121), new Uint8Array(28));
    // zy + MBQM(level, R[d]) clamped to [−30, 20]; F-50's SRDHM takes −0.5 to 0 and +0.5 to 1.
    const row0 = [13, -3, -3, -2, -30, -3];
    const row1 = [-3, 5, -2, -4, -3, -7];
    const row2 = [-19, -11, -3, -3, 20, 1];
    expect([...y]).toEqual([...row0, ...row2, ...row1, ...row2]);
    expect([...(program.ops[0]?.constants[0] as Int8Array)]).toEqual(LEVELS);
  });

  for (const [packing, type] of [
    ['int4', ElementType.INT4],
    ['ternary', ElementType.TERNARY],
  ] as const) {
    it(`[F-75] ${packing}: every step within one quantization step of tfjs on a grid table`, () => {
      const c = compiled(packing);
      const op = c.program.blob.ops[0];
      const table = c.program.blob.tensors[op?.const0 ?? 0];
      expect([op?.opcode, op?.attr[0], table?.type]).toEqual([OPCODE.Embedding, 1, type]);
      expect(c.program.blob.tensors[(op?.const0 ?? 0) + 1]?.shape).toEqual([7, 2]);
      for (const { step, error } of stepErrors(c, ids(c.model, 3)))
        expect(error, `${step.op} ${step.layerIds.join('+')}`).toBeLessThanOrEqual(1);
    });

    it(`[F-75] ${packing}: a GRU reading the table stays within 2 output steps of tfjs`, () => {
      const c = compiled(packing, [
        { id: 'g', type: 'GRU', units: 8 },
        { id: 'out', type: 'Dense', units: 3 },
      ]);
      for (const { step, error } of stepErrors(c, ids(c.model, 3)))
        expect(error, step.op).toBeLessThanOrEqual(step.op === 'GRU' ? 2 : 1);
    });
  }

  it('[M-11] the layer parameter packs the table: blobSize follows, ternary saving 4/5 of the int8 bytes', () => {
    const sizes = (['int8', 'int4', 'ternary'] as const).map((packing) => {
      const model = analyzeModel(tokens(packing, HEAD));
      const blob = compileModel(model, randomWeights(model, 1), { calibration: ids(model, 1) }).blob;
      expect(blob.length).toBe(blobSize(model));
      return blob.length;
    });
    // The 140 int8 bytes become 70 (int4) or 28 (ternary) plus R [7, 2]: 16 bytes of entry, 56 of data,
    // and up to 15 of alignment padding per constant either way.
    const [int8 = 0, int4 = 0, ternary = 0] = sizes;
    expect(int8 - int4).toBeGreaterThanOrEqual(140 - 70 - 72 - 15);
    expect(int8 - int4).toBeLessThanOrEqual(140 - 70 - 72 + 15);
    expect(int8 - ternary).toBeGreaterThanOrEqual(140 - 28 - 72 - 15);
    expect(int8 - ternary).toBeLessThanOrEqual(140 - 28 - 72 + 15);
  });

  it('[F-67] readers refuse a packed table without scales, attr[0] above 1 (E319) and a bad R (E318, E320)', () => {
    const blob = writeBlob(HAND);
    const op = 64 + 16 * 4;
    const r = readBlob(blob).tensors[3]?.offset ?? 0;
    const refused = (edit: (v: DataView) => void) => () => readBlob(mutate(blob, edit));
    const code = (id: string) => expect.objectContaining({ id });
    expect(refused((v) => v.setUint8(op + 10, 0))).toThrow(code('BLOB_OP_ATTRIBUTES'));
    expect(refused((v) => v.setUint8(op + 10, 2))).toThrow(code('BLOB_OP_ATTRIBUTES'));
    // R as [3, 4]: the same bytes, the wrong shape.
    const rEntry = 64 + 16 * 3;
    const reshaped = (v: DataView) => [v.setUint16(rEntry + 2, 3, true), v.setUint16(rEntry + 4, 4, true)];
    expect(refused(reshaped)).toThrow(code('BLOB_OP_SHAPE'));
    expect(refused((v) => v.setInt32(r + 8, -1, true))).toThrow(code('BLOB_CONSTANT_RANGE'));
  });
});
