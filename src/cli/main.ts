import { isMinnowError } from '../core/errors.ts';
import { chipsCommand } from './commands/chips.ts';
import { compileCommand } from './commands/compile.ts';
import { importCommand } from './commands/import.ts';
import { inspectCommand } from './commands/inspect.ts';
import { runCommand } from './commands/run.ts';
import type { Command } from './command.ts';
import { EXIT, type CliIo } from './io.ts';

const COMMANDS: readonly Command[] = [
  chipsCommand,
  importCommand,
  inspectCommand,
  compileCommand,
  runCommand,
];

function help(io: CliIo): number {
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`);
  io.stdout.write(
    [
      'Minnow — fit, quantize and run tiny neural networks on microcontrollers.',
      '',
      'Usage:',
      ...lines,
      '',
    ].join('\n') + '\nExit codes: 0 ok, 1 the model does not fit or a run failed, 2 bad input.\n',
  );
  return EXIT.ok;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return help(io);
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`minnow: unknown command "${name}".\n\n`);
    help(io);
    return EXIT.badInput;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (!isMinnowError(e)) throw e;
    const where = e.layerId ? ` (layer "${e.layerId}")` : '';
    io.stderr.write(`minnow ${command.name}: error E${e.code}${where}: ${e.message}\n  fix: ${e.hint}\n`);
    return EXIT.badInput;
  }
}
