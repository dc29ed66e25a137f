import { suggestFixes } from '../../core/budget/suggest.ts';
import { evaluateSpec } from '../../core/inspect/evaluate.ts';
import { inspectModel } from '../../core/inspect/report.ts';
import { parseModelSpec } from '../../core/model/analyze.ts';
import { MinnowError } from '../../core/errors.ts';
import { flagString, parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../io.ts';
import { loadShippedManifest } from '../manifest.ts';
import { readModelFile } from '../read.ts';
import { renderInspect } from './inspect-text.ts';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'Shapes, params, MACs, memory plan; with --chip, RAM/flash/latency and a verdict.',
  usage: 'minnow inspect <model-or-project.json> [--chip <id>] [--json]',
  run(argv, io) {
    const args = parseArgs(argv, ['chip'], ['json']);
    const [file, ...extra] = args.positional;
    if (file === undefined || extra.length > 0) {
      throw new MinnowError('CLI_USAGE', { detail: 'inspect takes exactly one model file.' });
    }
    const raw = readModelFile(file);
    const chip = flagString(args, 'chip');
    const manifest = loadShippedManifest();
    const report = inspectModel(raw, { ...(chip ? { chip } : {}), ...(manifest ? { manifest } : {}) });
    const fits = report.verdict === undefined || report.verdict === 'fits';
    if (args.flags.has('json')) {
      io.stdout.write(JSON.stringify(report, null, 2) + '\n');
    } else {
      const suggestions =
        chip && !fits ? suggestFixes(parseModelSpec(raw), chip, (s, c) => evaluateSpec(s, c, manifest)) : [];
      io.stdout.write(renderInspect(report, suggestions));
    }
    return fits ? EXIT.ok : EXIT.doesNotFit;
  },
};
