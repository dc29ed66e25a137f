import { describe, expect, it } from 'vitest';
import { isMinnowError, type ErrorId } from '../errors.ts';
import { prepare, run } from '../reference/interpreter.ts';
import { createRandom } from '../random.ts';
import { ElementType, MAX_SIZE, OPCODE } from './format.ts';
import { readBlob } from './reader.ts';
import { layout, mutate, sampleBlob } from './test-blob.ts';

const BASE = sampleBlob();
const { parsed, tensorAt, opAt } = layout(BASE);
const TOTAL = BASE.length;
const T = parsed.tensors.length;
const O = parsed.ops.length;

function refusal(bytes: Uint8Array): ErrorId | 'accepted' | 'crash' {
  try {
    readBlob(bytes);
    return 'accepted';
  } catch (e) {
    return isMinnowError(e) ? e.id : 'crash';
  }
}

type Case = readonly [name: string, bytes: Uint8Array, expected: ErrorId];
const cases: Case[] = [];
const add = (name: string, expected: ErrorId, edit: Parameters<typeof mutate>[1], fixCrc = true) =>
  cases.push([name, mutate(BASE, edit, fixCrc), expected]);

// Truncation, one case per length class (F-13).
const tablesEnd = 64 + 16 * (T + O);
for (const n of [0, 1, 15, 63, 64, 65, tablesEnd - 1, tablesEnd, tablesEnd + 1, TOTAL - 16, TOTAL - 1]) {
  cases.push([`truncated to ${n} bytes`, BASE.slice(0, n), 'BLOB_TRUNCATED']);
}

// Raw bit flips over every header byte, CRC left as it is: each field's own check, else the CRC (F-14).
function headerFlipCode(byte: number, flipped: Uint8Array): ErrorId {
  if (byte < 4) return 'BLOB_MAGIC';
  if (byte < 6) return 'BLOB_VERSION';
  if (byte < 8) return 'BLOB_HEADER_SIZE';
  const v = new DataView(flipped.buffer);
  const total = v.getUint32(8, true);
  const end = 64 + 16 * (v.getUint16(20, true) + v.getUint16(22, true));
  if (total > MAX_SIZE || total < end) return 'BLOB_TOTAL_SIZE';
  if (total > flipped.length) return 'BLOB_TRUNCATED';
  return 'BLOB_CRC';
}
for (let byte = 0; byte < 64; byte++) {
  for (const bit of [0, 7]) {
    const bytes = mutate(BASE, (_v, b) => (b[byte] = (b[byte] as number) ^ (1 << bit)), false);
    cases.push([`header byte ${byte} bit ${bit} flipped`, bytes, headerFlipCode(byte, bytes)]);
  }
}
for (const at of [tensorAt(0) + 2, opAt(0), TOTAL - 1, Math.floor(TOTAL / 2)]) {
  add(`body byte ${at} flipped`, 'BLOB_CRC', (_v, b) => (b[at] = (b[at] as number) ^ 1), false);
}

// Header fields with a valid CRC (F-10 … F-20).
add('wrong magic', 'BLOB_MAGIC', (_v, b) => b.set([0x4d, 0x4e, 0x57, 0x43]));
for (const version of [0, 2, 0xffff])
  add(`version ${version}`, 'BLOB_VERSION', (v) => v.setUint16(4, version, true));
for (const size of [0, 32, 63, 65, 128])
  add(`header size ${size}`, 'BLOB_HEADER_SIZE', (v) => v.setUint16(6, size, true));
for (const total of [0, 64, tablesEnd - 1, MAX_SIZE + 1, 0xffffffff])
  add(`total size ${total}`, 'BLOB_TOTAL_SIZE', (v) => v.setUint32(8, total, true));
add('total size past the buffer', 'BLOB_TRUNCATED', (v) => v.setUint32(8, TOTAL + 16, true));
for (let bit = 1; bit < 32; bit++)
  add(`flag bit ${bit}`, 'BLOB_FLAGS', (v) =>
    v.setUint32(28, v.getUint32(28, true) | ((2 ** bit) >>> 0), true),
  );
add('no tensors', 'BLOB_COUNTS', (v) => v.setUint16(20, 0, true));
add('tensor count beyond the tables the size holds', 'BLOB_TOTAL_SIZE', (v) => v.setUint16(20, 0xffff, true));
add('op count beyond the tables the size holds', 'BLOB_TOTAL_SIZE', (v) => v.setUint16(22, 0xffff, true));
for (const arena of [MAX_SIZE + 1, 0xffffffff])
  add(`arena size ${arena}`, 'BLOB_ARENA_SIZE', (v) => v.setUint32(16, arena, true));
add('empty name', 'BLOB_NAME', (_v, b) => b.fill(0, 40, 64));
add('bytes after the name NUL', 'BLOB_NAME', (_v, b) => (b[63] = 0x41));

// Tensor entries (F-30 … F-34).
const act = parsed.tensors.findIndex((t) => !t.constant);
const con = parsed.tensors.findIndex(
  (t) => t.constant && t.type === ElementType.INT8 && t.shape.length === 4,
);
const setDesc = (id: number, desc: number) => (v: DataView) => v.setUint8(tensorAt(id), desc);
const desc = (id: number) => new DataView(BASE.buffer).getUint8(tensorAt(id));
for (const type of [0, 7, 15])
  add(`tensor type ${type}`, 'BLOB_TENSOR_TYPE', setDesc(con, (desc(con) & 0xf0) | type));
add('an int32 activation', 'BLOB_TENSOR_TYPE', setDesc(act, (desc(act) & 0xf0) | ElementType.INT32));
for (const rank of [0, 5, 7])
  add(`constant rank ${rank}`, 'BLOB_TENSOR_SHAPE', setDesc(con, (desc(con) & 0x8f) | (rank << 4)));
add('activation rank 4', 'BLOB_TENSOR_SHAPE', setDesc(act, (desc(act) & 0x8f) | (4 << 4)));
add('a zero dimension', 'BLOB_TENSOR_SHAPE', (v) => v.setUint16(tensorAt(con) + 4, 0, true));
add('a dimension beyond the rank', 'BLOB_TENSOR_SHAPE', (v) =>
  v.setUint16(tensorAt(parsed.header.outputTensor) + 6, 3, true),
);
add('activation past the arena', 'BLOB_TENSOR_OFFSET', (v) =>
  v.setUint32(tensorAt(act) + 8, parsed.header.arenaSize, true),
);
add('activation offset 2^32 − 1', 'BLOB_TENSOR_OFFSET', (v) =>
  v.setUint32(tensorAt(act) + 8, 0xffffffff, true),
);
add('constant not 16-aligned', 'BLOB_TENSOR_OFFSET', (v) =>
  v.setUint32(tensorAt(con) + 8, v.getUint32(tensorAt(con) + 8, true) + 1, true),
);
add('constant inside the tables', 'BLOB_TENSOR_OFFSET', (v) => v.setUint32(tensorAt(con) + 8, 0, true));
add('constant past the end', 'BLOB_TENSOR_OFFSET', (v) => v.setUint32(tensorAt(con) + 8, TOTAL, true));
for (const [name, bits] of [
  ['NaN', 0x7fc00000],
  ['zero', 0],
  ['negative', 0xbf800000],
  ['infinite', 0x7f800000],
  ['subnormal', 1],
] as const) {
  add(`scale ${name}`, 'BLOB_TENSOR_QUANT', (v) => v.setUint32(tensorAt(act) + 12, bits, true));
}
add('constant with a zero point', 'BLOB_TENSOR_QUANT', (v) => v.setInt8(tensorAt(con) + 1, 3));

// Input and output ids (F-17).
for (const [field, at] of [
  ['input', 24],
  ['output', 26],
] as const) {
  add(`${field} id out of range`, 'BLOB_IO_TENSOR', (v) => v.setUint16(at, T, true));
  add(`${field} id names a constant`, 'BLOB_IO_TENSOR', (v) => v.setUint16(at, con, true));
}

// Ops (F-40 … F-47).
const opIndex = (opcode: number) => parsed.ops.findIndex((o) => o.opcode === opcode);
const conv = opIndex(OPCODE.Conv2D);
const dense = opIndex(OPCODE.Dense);
const addOp = opIndex(OPCODE.Add);
const pool = opIndex(OPCODE.MaxPooling2D);
for (const opcode of [0, 17, 255])
  add(`op code ${opcode}`, 'BLOB_OPCODE', (v) => v.setUint8(opAt(0), opcode));
add('Dense with two inputs', 'BLOB_OP_OPERANDS', (v) => v.setUint8(opAt(dense) + 1, 2));
add('Add with one input', 'BLOB_OP_OPERANDS', (v) => v.setUint8(opAt(addOp) + 1, 1));
add('no inputs', 'BLOB_OP_OPERANDS', (v) => v.setUint8(opAt(conv) + 1, 0));
add('input id past the table', 'BLOB_OP_OPERANDS', (v) => v.setUint16(opAt(conv) + 2, 0xfff0, true));
add('output is a constant', 'BLOB_OP_OPERANDS', (v) => v.setUint16(opAt(conv) + 4, con, true));
add('constants point at activations', 'BLOB_OP_OPERANDS', (v) => v.setUint16(opAt(conv) + 6, act, true));
add('constants past the table', 'BLOB_OP_OPERANDS', (v) => v.setUint16(opAt(conv) + 6, T - 1, true));
add('pooling with constants', 'BLOB_OP_OPERANDS', (v) => v.setUint16(opAt(pool) + 6, con, true));
add('bias of the wrong type', 'BLOB_OP_OPERANDS', (v) => {
  const bias = parsed.ops[conv]!.const0 + 1;
  v.setUint8(tensorAt(bias), (desc(bias) & 0xf0) | ElementType.UINT16);
});
add('stride 0', 'BLOB_OP_ATTRIBUTES', (v) => v.setUint8(opAt(conv) + 10, 0));
add('padding as large as the kernel', 'BLOB_OP_ATTRIBUTES', (v) => v.setUint8(opAt(conv) + 12, 3));
add('pool size 0', 'BLOB_OP_ATTRIBUTES', (v) => v.setUint8(opAt(pool) + 10, 0));
add(
  'act_min above act_max',
  'BLOB_OP_ATTRIBUTES',
  (v) => (v.setInt8(opAt(dense) + 8, 100), v.setInt8(opAt(dense) + 9, -100)),
);
add('unused attribute byte set', 'BLOB_OP_ATTRIBUTES', (v) => v.setUint8(opAt(dense) + 15, 1));
add('output channels differ from the filters', 'BLOB_OP_SHAPE', (v) =>
  v.setUint16(tensorAt(parsed.ops[conv]!.out) + 6, 1, true),
);
add('windows run past the input', 'BLOB_OP_SHAPE', (v) => v.setUint8(opAt(conv) + 10, 4));
add('Dense weights of another depth', 'BLOB_OP_SHAPE', (v) =>
  v.setUint16(tensorAt(parsed.ops[dense]!.const0) + 4, 1, true),
);
add('requantization of the wrong shape', 'BLOB_OP_SHAPE', (v) =>
  v.setUint16(tensorAt(parsed.ops[dense]!.const0 + 2) + 2, 1, true),
);
add('Add inputs of different shapes', 'BLOB_OP_SHAPE', (v) =>
  v.setUint16(tensorAt(parsed.ops[addOp]!.in0) + 6, 1, true),
);
for (const opcode of [OPCODE.Softmax, OPCODE.Activation]) {
  add(`a clamp on a table-driven op (${opcode})`, 'BLOB_OP_ATTRIBUTES', (v) =>
    v.setInt8(opAt(opIndex(opcode)) + 9, 100),
  );
}
const requantAt = (op: number) => parsed.tensors[parsed.ops[op]!.const0 + 2]!.offset;
const biasAt = (op: number) => parsed.tensors[parsed.ops[op]!.const0 + 1]!.offset;
for (const shift of [31, -32, 127])
  add(`shift ${shift}`, 'BLOB_CONSTANT_RANGE', (v) => v.setInt32(requantAt(dense) + 4, shift, true));
add('negative multiplier', 'BLOB_CONSTANT_RANGE', (v) => v.setInt32(requantAt(conv), -5, true));
add('bias that could overflow the accumulator', 'BLOB_CONSTANT_RANGE', (v) =>
  v.setInt32(biasAt(conv), 2 ** 31 - 1, true),
);

// Test vector (F-19).
add('flag without offsets', 'BLOB_TEST_VECTOR', (v) => (v.setUint32(32, 0, true), v.setUint32(36, 0, true)));
add('offsets without the flag', 'BLOB_TEST_VECTOR', (v) => v.setUint32(28, 0, true));
add('test input not aligned', 'BLOB_TEST_VECTOR', (v) => v.setUint32(32, v.getUint32(32, true) + 4, true));
add('test output past the end', 'BLOB_TEST_VECTOR', (v) => v.setUint32(36, TOTAL - 1, true));

describe('the reader refuses corrupted blobs with the code of the broken rule [F-4] [F-13] [F-14]', () => {
  it('has more than 100 systematic cases, all different', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(refusal(BASE)).toBe('accepted');
  });

  it.each(cases.map(([name, bytes, code]) => [name, code, bytes] as const))(
    '%s → %s',
    (_name, code, bytes) => {
      expect(refusal(bytes)).toBe(code);
    },
  );

  it('[F-62] runs a Softmax whose exp table is all zero without dividing by zero', () => {
    const softmaxOp = parsed.ops[opIndex(OPCODE.Softmax)]!;
    const table = parsed.tensors[softmaxOp.const0]!;
    const zeroed = readBlob(mutate(BASE, (_v, b) => b.fill(0, table.offset, table.offset + 64)));
    const input = new Int8Array(parsed.tensors[parsed.header.inputTensor]!.shape.reduce((a, b) => a * b, 1));
    expect([...run(prepare(zeroed), input, new Uint8Array(parsed.header.arenaSize))]).toEqual([
      -128, -128, -128,
    ]);
  });

  it('never crashes or hangs on 3,000 random corruptions with a valid CRC, and runs what it accepts', () => {
    const rnd = createRandom(42);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const bytes = mutate(BASE, (_v, b) => {
        for (let k = rnd.int(1, 4); k > 0; k--) b[rnd.int(0, b.length - 1)] = rnd.int(0, 255);
      });
      const outcome = refusal(bytes);
      expect(outcome).not.toBe('crash');
      if (outcome === 'accepted') {
        const blob = readBlob(bytes);
        const input = new Int8Array(blob.tensors[blob.header.inputTensor]!.shape.reduce((a, b) => a * b, 1));
        run(prepare(blob), input, new Uint8Array(blob.header.arenaSize));
        accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });
});
