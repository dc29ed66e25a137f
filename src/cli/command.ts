import type { CliIo } from './io.ts';

/** A CLI subcommand: returns its exit code; throws MinnowError for bad input (exit 2). */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[], io: CliIo): number | Promise<number>;
}
