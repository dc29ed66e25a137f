import { FLAVOURS, MAX_CHIP_REVISION } from '../src/core/firmware/manifest-schema.ts';

/** One build folder and how to describe it (docs/MANIFEST.md, "Mapping from flasher_args.json"). */
export interface BuildSpec {
  readonly folder: string;
  readonly flavour: (typeof FLAVOURS)[number];
  readonly chipRevision?: { readonly min: number; readonly max: number };
  readonly flashFreq?: string;
}

export interface ManifestArgs {
  readonly dir: string;
  readonly idf: string;
  readonly partitions: string;
  /** Undefined: every folder of `dir` with a flasher_args.json, as esp-idf builds for any revision. */
  readonly builds?: BuildSpec[];
}

const USAGE =
  'usage: firmware-manifest.ts <firmware-dir> [--idf v5.5.1] [--partitions <partitions.csv>] ' +
  '[--build <folder> [--chip-revision MIN-MAX] [--flavour esp-idf|bare-metal] [--flash-freq 40m]] …';

/** "0-299" → {0, 299}; "300-" and "300-65535" → {300, 65535}: revisions as major*100+minor (M-6). */
export function parseRevisionRange(text: string): { min: number; max: number } {
  const match = /^(\d{1,5})-(\d{1,5})?$/.exec(text);
  const [min, max] = [Number(match?.[1]), match?.[2] === undefined ? MAX_CHIP_REVISION : Number(match[2])];
  if (!match || min > max || max > MAX_CHIP_REVISION) {
    throw new Error(
      `--chip-revision "${text}": expected MIN-MAX, revisions as major*100+minor up to ${MAX_CHIP_REVISION}, e.g. 0-299 or 300-`,
    );
  }
  return { min, max };
}

/** The command line of scripts/firmware-manifest.ts; a plain Error with the usage for anything else. */
export function parseBuildArgs(argv: readonly string[]): ManifestArgs {
  const [dir, ...rest] = argv;
  if (!dir || dir.startsWith('--')) throw new Error(USAGE);
  let idf = 'unknown';
  let partitions = 'firmware-template/partitions.csv';
  const builds: BuildSpec[] = [];
  const current = (option: string): BuildSpec => {
    const spec = builds[builds.length - 1];
    if (!spec) throw new Error(`${option} belongs after a --build <folder>\n${USAGE}`);
    return spec;
  };
  const replace = (patch: Partial<BuildSpec>) => (builds[builds.length - 1] = { ...current('--'), ...patch });
  for (let i = 0; i < rest.length; i += 2) {
    const [option, value] = [rest[i] as string, rest[i + 1]];
    if (value === undefined || value.startsWith('--')) throw new Error(`${option} needs a value\n${USAGE}`);
    if (option === '--idf') idf = value;
    else if (option === '--partitions') partitions = value;
    else if (option === '--build') builds.push({ folder: value, flavour: 'esp-idf' });
    else if (option === '--chip-revision') {
      current(option);
      replace({ chipRevision: parseRevisionRange(value) });
    } else if (option === '--flavour') {
      current(option);
      const flavour = FLAVOURS.find((f) => f === value);
      if (!flavour) throw new Error(`--flavour "${value}": expected ${FLAVOURS.join(' or ')}`);
      replace({ flavour });
    } else if (option === '--flash-freq') {
      current(option);
      replace({ flashFreq: value });
    } else throw new Error(`unknown option ${option}\n${USAGE}`);
  }
  return { dir, idf, partitions, ...(builds.length ? { builds } : {}) };
}
