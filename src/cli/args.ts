import { MinnowError } from '../core/errors.ts';

export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
}

/**
 * `--name value`, `--name=value` and bare `--flag`. Which flags take a value is declared, so a value that
 * starts with a dash is never mistaken for the next flag.
 */
export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  boolean: readonly string[],
): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const [rawName, inline] = arg.split('=', 2) as [string, string | undefined];
    const name = rawName.replace(/^--?/, '');
    if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new MinnowError('CLI_USAGE', { detail: `--${name} needs a value.` });
      flags.set(name, value);
    } else if (boolean.includes(name) && inline === undefined) {
      flags.set(name, true);
    } else {
      throw new MinnowError('CLI_USAGE', { detail: `Unknown option ${rawName}.` });
    }
  }
  return { positional, flags };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
