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
import { readBinaryFile, readModelOrProject, type ModelOrProject as Project } from '../read.ts';
import { calibrationRows } from '../calibration.ts';
import type { AnalyzedModel } from '../../core/model/types.ts';
import { shapeSize } from '../../core/model/types.ts';
import type { ExactQuant } from '../../core/quant/exact.ts';
import type { FloatWeights } from '../../core/quant/types.ts';

const USAGE =
  'minnow compile <model-or-project.json> (--random-weights [--seed N] | --calibrate data.csv) -o model.bin [--header model_data.h] [--test-vector]';

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

interface Inputs {
  readonly weights: FloatWeights;
  readonly calibration: Float32Array[];
  readonly exact?: ExactQuant;
}

function calibrationFile(args: ParsedArgs, model: AnalyzedModel): Float32Array[] | undefined {
  const csv = flagString(args, 'calibrate');
  if (csv === undefined) return undefined;
  const text = new TextDecoder().decode(readBinaryFile(csv));
  return calibrationRows(text, csv, shapeSize(model.inputShape));
}

/**
 * What the blob is made from: seeded random weights and inputs (--random-weights); the file's own weights,
 * calibrated on --calibrate rows; or an imported int8 model's own quantization, which needs no calibration.
 */
function inputsOf(args: ParsedArgs, file: string, project: Project, model: AnalyzedModel): Inputs {
  const rows = calibrationFile(args, model);
  const seed = intFlag(args, 'seed', 1, 0, 2 ** 32 - 1);
  if (args.flags.has('random-weights')) {
    const samples = intFlag(args, 'calibration-samples', 32, 1, 10_000);
    return { weights: randomWeights(model, seed), calibration: rows ?? randomInputs(model, samples, seed) };
  }
  if (project.quantization && project.weights)
    return { weights: project.weights, calibration: rows ?? [], exact: project.quantization };
  if (!project.weights) {
    throw new MinnowError('CLI_USAGE', {
      detail: `${file} holds no trained weights; pass --random-weights --seed N to compile it with seeded random ones.`,
    });
  }
  if (!rows) throw new MinnowError('IMPORT_NEEDS_CALIBRATION', { file, size: shapeSize(model.inputShape) });
  return { weights: project.weights, calibration: rows };
}

/**
 * `minnow compile`: quantizes a model to int8 and writes the blob of docs/FORMAT.md, optionally as a C
 * header too. Weights are the file's own (calibrated on --calibrate rows, or kept exactly for an imported
 * int8 model) or, with --random-weights, seeded random ones calibrated on seeded random inputs in [0, 1),
 * so the same seed always gives the same bytes.
 */
export function runCompile(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(
    argv,
    ['o', 'output', 'seed', 'header', 'calibration-samples', 'calibrate'],
    ['random-weights', 'test-vector'],
  );
  const [file, ...extra] = args.positional;
  const out = flagString(args, 'o') ?? flagString(args, 'output');
  if (file === undefined || extra.length > 0 || out === undefined) {
    throw new MinnowError('CLI_USAGE', {
      detail: `compile takes one model file and -o <blob>. Usage: ${USAGE}`,
    });
  }
  const project = readModelOrProject(file);
  const model = analyzeModel(project.model);
  // Refuses a model beyond the blob format from its shapes, before its weights are made or read; compileModel
  // takes the same plan rather than planning again.
  const plan = planModel(model);
  checkBlobLimits(plan);
  const inputs = inputsOf(args, file, project, model);
  const compiled = compileModel(model, inputs.weights, {
    plan,
    calibration: inputs.calibration,
    ...(inputs.exact ? { exact: inputs.exact } : {}),
    testVector: args.flags.has('test-vector'),
  });
  writeOutput(out, compiled.blob);
  const header = flagString(args, 'header');
  if (header !== undefined) writeOutput(header, cHeader(readBlob(compiled.blob)));
  const { input, output } = compiled;
  io.stdout.write(
    [
      `Wrote ${out}: ${compiled.blob.length} bytes, arena ${compiled.plan.arenaBytes} bytes${header ? `; ${header}` : ''}${inputs.exact ? '; int8 quantization as imported' : ''}.`,
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
  usage: 'minnow compile <model-or-project.json> (--random-weights | --calibrate data.csv) -o model.bin',
  run: runCompile,
};
