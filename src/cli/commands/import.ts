import { basename, dirname, join } from 'node:path';
import { chipIds } from '../../core/chips/catalog.ts';
import { MinnowError } from '../../core/errors.ts';
import { importModelFiles, type ImportFile } from '../../core/import/index.ts';
import type { ExactQuant } from '../../core/quant/exact.ts';
import { analyzeModel } from '../../core/model/analyze.ts';
import { parseJsonText } from '../../core/json-text.ts';
import { serializeProject } from '../../state/project-file.ts';
import { flagString, parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT, type CliIo } from '../io.ts';
import { readBinaryFile } from '../read.ts';
import { writeOutput } from './compile.ts';

const USAGE = 'minnow import <model.tflite | model.json> -o out.minnow.json [--chip esp32]';

/** The weight files a tfjs model.json names in its weightsManifest, read from beside it. */
function shardsOf(path: string, json: Uint8Array): ImportFile[] {
  let raw: unknown;
  try {
    raw = parseJsonText(new TextDecoder().decode(json));
  } catch {
    return []; // The reader refuses it with its own message.
  }
  const manifest = (raw as { weightsManifest?: unknown }).weightsManifest;
  if (!Array.isArray(manifest)) return [];
  const paths = manifest.flatMap((group: { paths?: unknown }) =>
    Array.isArray(group?.paths) ? group.paths.filter((p): p is string => typeof p === 'string') : [],
  );
  return paths.map((p) => ({ name: p, bytes: readBinaryFile(join(dirname(path), p)) }));
}

/** `minnow import`: reads a model made elsewhere and writes a project file (docs/IMPORT.md, docs/PROJECT.md). */
export function runImport(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['o', 'output', 'chip'], []);
  const [file, ...extra] = args.positional;
  const out = flagString(args, 'o') ?? flagString(args, 'output');
  if (file === undefined || extra.length > 0 || out === undefined) {
    throw new MinnowError('CLI_USAGE', {
      detail: `import takes one model file and -o <project>. Usage: ${USAGE}`,
    });
  }
  const chip = flagString(args, 'chip') ?? 'esp32';
  if (!chipIds().includes(chip))
    throw new MinnowError('CLI_USAGE', {
      detail: `unknown chip "${chip}"; known chips: ${chipIds().join(', ')}`,
    });
  const bytes = readBinaryFile(file);
  const files: ImportFile[] = [{ name: basename(file), bytes }];
  if (!file.toLowerCase().endsWith('.tflite')) files.push(...shardsOf(file, bytes));
  const imported = importModelFiles(files);
  const model = analyzeModel(imported.model);
  const now = new Date().toISOString();
  const text = serializeProject({
    id: '',
    name: imported.model.name,
    chipId: chip,
    model: imported.model,
    weights: imported.weights,
    source: imported.source,
    ...(imported.quantization ? { quantization: imported.quantization as ExactQuant } : {}),
    createdAt: now,
    updatedAt: now,
  });
  writeOutput(out, text);
  const kind = imported.quantization
    ? 'int8 (quantization kept exactly)'
    : 'float (compile calibrates it: --calibrate data.csv)';
  io.stdout.write(
    [
      `Wrote ${out}: "${model.name}", ${model.layers.length} layers, ${model.paramCount} parameters, ${model.macs} MACs, ${kind}.`,
      ...imported.notes.map((n) => `  note: ${n}`),
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Reads a .tflite or tfjs model.json into a project file.',
  usage: USAGE,
  run: runImport,
};
