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

const USAGE =
  'minnow run <model.bin> --input in.bin [-o out.bin] [--json]  |  minnow run <model.bin> --self-test';

function report(output: Int8Array, tensor: TensorEntry): { values: number[]; real: number[]; top: number } {
  const values = [...output];
  const real = values.map((q) => tensor.scale * (q - tensor.zeroPoint));
  const top = values.indexOf(Math.max(...values));
  return { values, real, top };
}

/**
 * `minnow run`: runs a blob on raw int8 input bytes with the TypeScript reference interpreter — what the
 * board computes, byte for byte — and prints (or writes) the raw int8 output.
 */
export function runRun(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['input', 'o', 'output'], ['json', 'self-test']);
  const [file, ...extra] = args.positional;
  const inputFile = flagString(args, 'input');
  if (file === undefined || extra.length > 0 || (inputFile === undefined) === !args.flags.has('self-test')) {
    throw new MinnowError('CLI_USAGE', {
      detail: `run takes one blob and either --input or --self-test. Usage: ${USAGE}`,
    });
  }
  const program = prepare(readBlob(readBinaryFile(file)));
  const { header, tensors } = program.blob;
  const arena = new Uint8Array(header.arenaSize);
  if (inputFile === undefined) {
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
  const bytes = readBinaryFile(inputFile);
  const output = run(program, new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length), arena);
  const out = flagString(args, 'o') ?? flagString(args, 'output');
  if (out !== undefined) writeOutput(out, new Uint8Array(output.buffer, output.byteOffset, output.length));
  const outputTensor = tensors[header.outputTensor] as TensorEntry;
  const result = report(output, outputTensor);
  if (args.flags.has('json')) {
    io.stdout.write(JSON.stringify({ shape: outputTensor.shape, ...result }) + '\n');
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
  usage: 'minnow run <model.bin> --input in.bin [-o out.bin] [--json]',
  run: runRun,
};
