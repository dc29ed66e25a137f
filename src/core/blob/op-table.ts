import { MinnowError } from '../errors.ts';
import { KERNELS } from '../reference/kernels.ts';
import { constantSlots, type Kernel, type Operands } from '../reference/kernel.ts';
import { constantValues } from './constants.ts';
import { ElementType, ENTRY_SIZE, HEADER_SIZE, NO_TENSOR, OPCODE } from './format.ts';
import type { OpEntry, TensorEntry } from './types.ts';

/** F-30: the ops whose kernels read int4 and ternary weights. */
const PACKED_OPCODES: ReadonlySet<number> = new Set([
  OPCODE.Dense,
  OPCODE.Conv2D,
  OPCODE.DepthwiseConv2D,
  OPCODE.Conv1D,
  OPCODE.GRU,
  OPCODE.Embedding,
]);

const PACKING_NAMES: Record<number, string> = {
  [ElementType.INT4]: 'int4',
  [ElementType.TERNARY]: 'ternary',
};

function decodeOp(view: DataView, at: number): OpEntry {
  return {
    opcode: view.getUint8(at),
    nIn: view.getUint8(at + 1),
    in0: view.getUint16(at + 2, true),
    out: view.getUint16(at + 4, true),
    const0: view.getUint16(at + 6, true),
    actMin: view.getInt8(at + 8),
    actMax: view.getInt8(at + 9),
    attr: Array.from({ length: 6 }, (_, i) => view.getUint8(at + 10 + i)),
  };
}

type Found<T> = T | string;

function activationOf(
  tensors: readonly TensorEntry[],
  id: number,
  rank: number | undefined,
  what: string,
): Found<TensorEntry> {
  const t = tensors[id];
  if (!t || t.constant) return `${what} ${id} is not an activation tensor`;
  if (rank !== undefined && t.shape.length !== rank)
    return `${what} ${id} has rank ${t.shape.length}, not ${rank}`;
  return t;
}

function constantsOf(kernel: Kernel, op: OpEntry, tensors: readonly TensorEntry[]): Found<TensorEntry[]> {
  const slots = constantSlots(kernel, op);
  if (slots.length === 0) return op.const0 === NO_TENSOR ? [] : 'const0 must be 0xFFFF';
  const constants: TensorEntry[] = [];
  for (const [k, slot] of slots.entries()) {
    const t = tensors[op.const0 + k];
    if (!t || !t.constant) return `${slot.role} ${op.const0 + k} is not a constant tensor`;
    if (!slot.types.includes(t.type)) return `${slot.role} has element type ${t.type}`;
    if (t.shape.length !== slot.rank) return `${slot.role} has rank ${t.shape.length}, not ${slot.rank}`;
    constants.push(t);
  }
  return constants;
}

/** F-41: counts, ids, kinds, element types and ranks; returns the resolved operands or a problem. */
function resolve(
  kernel: Kernel,
  index: number,
  op: OpEntry,
  tensors: readonly TensorEntry[],
): Found<Operands> {
  if (op.nIn < kernel.inputs.min || op.nIn > kernel.inputs.max) {
    return `${op.nIn} inputs (${kernel.inputs.min}–${kernel.inputs.max} allowed)`;
  }
  const inputs: TensorEntry[] = [];
  for (let i = 0; i < op.nIn; i++) {
    const t = activationOf(tensors, op.in0 + i, kernel.inputRank, 'input');
    if (typeof t === 'string') return t;
    const type = kernel.inputTypes?.[i] ?? ElementType.INT8;
    if (t.type !== type) return `input ${op.in0 + i} has element type ${t.type}, not ${type} (F-78)`;
    inputs.push(t);
  }
  const output = activationOf(tensors, op.out, kernel.outputRank, 'output');
  if (typeof output === 'string') return output;
  if (output.type !== ElementType.INT8)
    return `output ${op.out} has element type ${output.type}, not int8 (F-78)`;
  const constants = constantsOf(kernel, op, tensors);
  if (typeof constants === 'string') return constants;
  return { index, op, inputs, output, constants };
}

function checkOp(bytes: Uint8Array, index: number, op: OpEntry, tensors: readonly TensorEntry[]): void {
  const kernel = KERNELS.get(op.opcode);
  if (!kernel) throw new MinnowError('BLOB_OPCODE', { op: index, opcode: op.opcode });
  const where = { op: index, opname: kernel.name };
  const o = resolve(kernel, index, op, tensors);
  if (typeof o === 'string') throw new MinnowError('BLOB_OP_OPERANDS', { ...where, detail: o });
  const packed = o.constants.find((t) => t.type === ElementType.INT4 || t.type === ElementType.TERNARY);
  if (packed && !PACKED_OPCODES.has(op.opcode))
    throw new MinnowError('BLOB_PACKING_UNSUPPORTED', { ...where, packing: PACKING_NAMES[packed.type] });
  const attrProblem =
    op.actMin > op.actMax
      ? `act_min ${op.actMin} > act_max ${op.actMax}`
      : op.attr.slice(kernel.attributeBytes).some((a) => a !== 0)
        ? 'unused attribute bytes are not 0'
        : kernel.attributes?.(o);
  if (attrProblem) throw new MinnowError('BLOB_OP_ATTRIBUTES', { ...where, detail: attrProblem });
  const shapeProblem = kernel.shapes(o);
  if (shapeProblem) throw new MinnowError('BLOB_OP_SHAPE', { ...where, detail: shapeProblem });
  const rangeProblem = kernel.constantRange?.(
    o,
    o.constants.map((t) => constantValues(bytes, t)),
  );
  if (rangeProblem) throw new MinnowError('BLOB_CONSTANT_RANGE', { ...where, detail: rangeProblem });
}

/** Decodes the op table and checks each op in table order (codes 315–320). */
export function readOps(bytes: Uint8Array, tensors: readonly TensorEntry[], opCount: number): OpEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const table = HEADER_SIZE + ENTRY_SIZE * tensors.length;
  return Array.from({ length: opCount }, (_, i) => {
    const op = decodeOp(view, table + ENTRY_SIZE * i);
    checkOp(bytes, i, op, tensors);
    return op;
  });
}

/** The operands of an op of a checked blob. */
export function operandsOf(index: number, op: OpEntry, tensors: readonly TensorEntry[]): Operands {
  const o = resolve(KERNELS.get(op.opcode) as Kernel, index, op, tensors);
  if (typeof o === 'string') throw new Error(`unchecked op ${index}: ${o}`);
  return o;
}
