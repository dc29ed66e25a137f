import { constantValues } from '../blob/constants.ts';
import { operandsOf } from '../blob/op-table.ts';
import { testVectorOf } from '../blob/reader.ts';
import { tensorBytes } from '../blob/tensor-table.ts';
import type { Blob, TensorEntry } from '../blob/types.ts';
import { MinnowError } from '../errors.ts';
import type { ConstantValues, Kernel, Operands } from './kernel.ts';
import { KERNELS } from './kernels.ts';

interface PreparedOp {
  readonly kernel: Kernel;
  readonly operands: Operands;
  readonly constants: readonly ConstantValues[];
}

/** A checked blob ready to run: operands resolved and constants decoded once. */
export interface Program {
  readonly blob: Blob;
  readonly ops: readonly PreparedOp[];
}

export function prepare(blob: Blob): Program {
  const ops = blob.ops.map((op, i) => {
    const operands = operandsOf(i, op, blob.tensors);
    return {
      kernel: KERNELS.get(op.opcode) as Kernel,
      operands,
      constants: operands.constants.map((t) => constantValues(blob.bytes, t)),
    };
  });
  return { blob, ops };
}

function view(arena: Uint8Array, t: TensorEntry): Int8Array {
  return new Int8Array(arena.buffer, arena.byteOffset + t.offset, tensorBytes(t));
}

/** Called after each op with its output (a view of the arena: copy it to keep it). */
export type OpObserver = (index: number, output: Int8Array) => void;

/**
 * F-66: copies `input` into the caller's arena, runs every op in table order and returns a copy of the
 * output. The arena is all the memory the activations use, as on the device. `observe` sees every op's
 * output as it is written, so a mismatch with the float model can be traced to the op that made it.
 */
export function run(program: Program, input: Int8Array, arena: Uint8Array, observe?: OpObserver): Int8Array {
  const { header, tensors } = program.blob;
  if (arena.length < header.arenaSize) {
    throw new MinnowError('ARENA_TOO_SMALL', { given: arena.length, needed: header.arenaSize });
  }
  const inputTensor = tensors[header.inputTensor] as TensorEntry;
  if (input.length !== tensorBytes(inputTensor)) {
    throw new MinnowError('INPUT_SIZE', {
      given: input.length,
      needed: tensorBytes(inputTensor),
      shape: `[${inputTensor.shape.join(', ')}]`,
    });
  }
  view(arena, inputTensor).set(input);
  program.ops.forEach(({ kernel, operands, constants }, index) => {
    const output = view(arena, operands.output);
    kernel.run({ operands, constants, inputs: operands.inputs.map((t) => view(arena, t)), output });
    observe?.(index, output);
  });
  return view(arena, tensors[header.outputTensor] as TensorEntry).slice();
}

/**
 * Runs the embedded test vector; throws SELF_TEST_FAILED or NO_TEST_VECTOR, as the device does. The vector
 * was computed from a cleared arena (F-19), so every GRU state is cleared first (F-69): a kept state from
 * earlier runs would change the output. Clearing the whole arena does that and nothing more, as every
 * other byte is written before it is read (F-66).
 */
export function selfTest(program: Program, arena: Uint8Array): void {
  const vector = testVectorOf(program.blob);
  if (!vector) throw new MinnowError('NO_TEST_VECTOR');
  arena.fill(0, 0, Math.min(arena.length, program.blob.header.arenaSize));
  const output = run(program, vector.input, arena);
  const first = output.findIndex((v, i) => v !== vector.output[i]);
  if (first >= 0) {
    throw new MinnowError('SELF_TEST_FAILED', {
      detail: `output byte ${first} is ${output[first]}, expected ${vector.output[first]}`,
    });
  }
}
