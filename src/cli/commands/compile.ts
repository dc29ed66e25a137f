import { writeFileSync } from 'node:fs';
import { cHeader } from '../../core/blob/c-header.ts';
import { compileModel } from '../../core/blob/compile.ts';
import { checkBlobLimits } from '../../core/blob/limits.ts';
import { readBlob } from '../../core/blob/reader.ts';
import { MinnowError } from '../../core/errors.ts';
import { analyzeModel } from '../../core/model/analyze.ts';
import { planModel } from '../../core/plan/index.ts';
import { randomInputs, randomWeights } from '../../core/quant/random-weights.ts';
import { flagString, parseArgs, type ParsedArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT, type CliIo } from '../io.ts';
import { readModelFile } from '../read.ts';

const USAGE =
  'minnow compile <model-or-project.json> --random-weights [--seed N] -o model.bin [--header model_data.h] [--test-vector]';

function intFlag(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const text = flagString(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new MinnowError('CLI_USAGE', {
      detail: `--${name} takes a whole number from ${min} to ${max}, not "${text}".`,
    });
  }
  return value;
}

export function writeOutput(file: string, data: Uint8Array | string): void {
  try {
    writeFileSync(file, data);
  } catch (e) {
    throw new MinnowError('FILE_WRITE', { file, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}

/**
 * `minnow compile`: quantizes a model to int8 and writes the blob of docs/FORMAT.md, optionally as a C
 * header too. Without trained weights (files carry none yet) it takes seeded random ones and calibrates on
 * seeded random inputs in [0, 1), so the same seed always gives the same bytes.
 */
export function runCompile(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(
    argv,
    ['o', 'output', 'seed', 'header', 'calibration-samples'],
    ['random-weights', 'test-vector'],
  );
  const [file, ...extra] = args.positional;
  const out = flagString(args, 'o') ?? flagString(args, 'output');
  if (file === undefined || extra.length > 0 || out === undefined) {
    throw new MinnowError('CLI_USAGE', {
      detail: `compile takes one model file and -o <blob>. Usage: ${USAGE}`,
    });
  }
  if (!args.flags.has('random-weights')) {
    throw new MinnowError('CLI_USAGE', {
      detail: `${file} holds no trained weights; pass --random-weights --seed N to compile it with seeded random ones.`,
    });
  }
  const model = analyzeModel(readModelFile(file));
  const seed = intFlag(args, 'seed', 1, 0, 2 ** 32 - 1);
  const samples = intFlag(args, 'calibration-samples', 32, 1, 10_000);
  // Refuses a model beyond the blob format from its shapes, before its random weights are made; compileModel
  // takes the same plan rather than planning again.
  const plan = planModel(model);
  checkBlobLimits(plan);
  const compiled = compileModel(model, randomWeights(model, seed), {
    plan,
    calibration: randomInputs(model, samples, seed),
    testVector: args.flags.has('test-vector'),
  });
  writeOutput(out, compiled.blob);
  const header = flagString(args, 'header');
  if (header !== undefined) writeOutput(header, cHeader(readBlob(compiled.blob)));
  const { input, output } = compiled;
  io.stdout.write(
    [
      `Wrote ${out}: ${compiled.blob.length} bytes, arena ${compiled.plan.arenaBytes} bytes${header ? `; ${header}` : ''}.`,
      `  input  [${model.inputShape.join(', ')}] int8, scale ${input.scale}, zero point ${input.zeroPoint}`,
      `  output [${model.layers.at(-1)?.outputShape.join(', ')}] int8, scale ${output.scale}, zero point ${output.zeroPoint}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

export const compileCommand: Command = {
  name: 'compile',
  summary: 'Quantizes a model to int8 and writes the model blob (and a C header).',
  usage: 'minnow compile <model.json> --random-weights [--seed N] -o model.bin [--header h]',
  run: runCompile,
};
