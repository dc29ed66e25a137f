import { readBlob } from '../../core/blob/reader.ts';
import { tensorBytes } from '../../core/blob/tensor-table.ts';
import type { TensorEntry } from '../../core/blob/types.ts';
import { MinnowError } from '../../core/errors.ts';
import { prepare, run, selfTest } from '../../core/reference/interpreter.ts';
import { flagString, parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT, type CliIo } from '../io.ts';
import { readBinaryFile } from '../read.ts';
import { writeOutput } from './compile.ts';
import { INPUT_FLAGS, INPUT_SWITCHES, inputOptionCount, runInput } from './run-input.ts';
import { argMax } from '../../core/arrays.ts';

const USAGE =
  'minnow run <model.bin> (--input in.bin | --values "0.5,0.1,…" | --test-input) [--save-input in.bin] ' +
  '[-o out.bin] [--json]  |  minnow run <model.bin> --self-test';

function report(output: Int8Array, tensor: TensorEntry): { values: number[]; real: number[]; top: number } {
  const values = Array.from(output);
  const real = values.map((q) => tensor.scale * (q - tensor.zeroPoint));
  const top = argMax(values);
  return { values, real, top };
}

/**
 * `minnow run`: runs a blob on raw int8 input bytes with the TypeScript reference interpreter — what the
 * board computes, byte for byte — and prints (or writes) the raw int8 output.
 */
export function runRun(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(
    argv,
    [...INPUT_FLAGS, 'save-input', 'o', 'output'],
    [...INPUT_SWITCHES, 'json', 'self-test'],
  );
  const [file, ...extra] = args.positional;
  const selfTesting = args.flags.has('self-test');
  if (file === undefined || extra.length > 0 || inputOptionCount(args) !== (selfTesting ? 0 : 1)) {
    throw new MinnowError('CLI_USAGE', {
      detail: `run takes one blob and one of --input, --values, --test-input, or --self-test. Usage: ${USAGE}`,
    });
  }
  const program = prepare(readBlob(readBinaryFile(file)));
  const { header, tensors } = program.blob;
  const arena = new Uint8Array(header.arenaSize);
  if (selfTesting) {
    try {
      selfTest(program, arena);
    } catch (e) {
      if (e instanceof MinnowError && e.id === 'SELF_TEST_FAILED') {
        io.stderr.write(`minnow run: ${e.describe()}\n`);
        return EXIT.doesNotFit;
      }
      throw e;
    }
    io.stdout.write(`${file}: the test vector reproduces (${header.name}).\n`);
    return EXIT.ok;
  }
  const input = runInput(args, program.blob);
  const saveInput = flagString(args, 'save-input');
  if (saveInput !== undefined)
    writeOutput(saveInput, new Uint8Array(input.buffer, input.byteOffset, input.length));
  const output = run(program, input, arena);
  const out = flagString(args, 'o') ?? flagString(args, 'output');
  if (out !== undefined) writeOutput(out, new Uint8Array(output.buffer, output.byteOffset, output.length));
  const outputTensor = tensors[header.outputTensor] as TensorEntry;
  const result = report(output, outputTensor);
  if (args.flags.has('json')) {
    // `input` is what the blob read: --values quantized with its input scale and zero point.
    io.stdout.write(
      JSON.stringify({ shape: outputTensor.shape, ...result, input: Array.from(input) }) + '\n',
    );
  } else {
    const shown =
      tensorBytes(outputTensor) > 64 ? `${result.values.slice(0, 64).join(' ')} …` : result.values.join(' ');
    io.stdout.write(
      `output [${outputTensor.shape.join(', ')}] int8: ${shown}\n  largest at index ${result.top}\n`,
    );
  }
  return EXIT.ok;
}

export const runCommand: Command = {
  name: 'run',
  summary: 'Runs a model blob on raw int8 input with the reference interpreter.',
  usage: USAGE,
  run: runRun,
};
