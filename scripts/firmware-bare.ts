/**
 * `npm run firmware:bare`: rebuilds public/firmware/esp32c3|esp32c6/minnow.bin and their manifest entries,
 * made by the same code as every other build's (bareMetalEntry). With --check, builds into a temporary folder
 * and fails if the committed bytes or entries differ (scripts/firmware-bare-check.sh, run by CI): the build is
 * reproducible, so any difference is a stale commit.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { format, resolveConfig } from 'prettier';

import { BARE_CHIPS, buildBare, MODEL_PARTITION, type BareOutput } from './firmware-bare-build.ts';
import { bareMetalEntry, type RawBuild } from './firmware-manifest-builds.ts';

const FIRMWARE = join(import.meta.dirname, '..', 'public', 'firmware');
const MANIFEST = join(FIRMWARE, 'manifest.json');
const PARTITION = { offset: `0x${MODEL_PARTITION.offset.toString(16)}`, size: MODEL_PARTITION.size };

interface Manifest {
  builds: readonly (Record<string, unknown> | RawBuild)[];
  [key: string]: unknown;
}

/** Writes the outputs' files under `dir` and returns their manifest entries, read back from there. */
function publish(dir: string, outputs: readonly BareOutput[]): RawBuild[] {
  for (const out of outputs) {
    for (const [path, bytes] of out.files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }
  }
  return outputs.map((o) => bareMetalEntry(dir, { folder: o.chip, flavour: 'bare-metal' }, PARTITION));
}

function withEntries(manifest: Manifest, entries: readonly RawBuild[]): Manifest {
  const isOurs = (b: Manifest['builds'][number]) =>
    b.flavour === 'bare-metal' && entries.some((e) => e.chip === b.chip);
  return { ...manifest, builds: [...manifest.builds.filter((b) => !isOurs(b)), ...entries] };
}

function differences(outputs: readonly BareOutput[], entries: readonly RawBuild[], manifestText: string) {
  const problems: string[] = [];
  for (const out of outputs) {
    for (const [path, bytes] of out.files) {
      const committed = join(FIRMWARE, path);
      if (!existsSync(committed)) problems.push(`public/firmware/${path} is missing`);
      else if (Buffer.compare(readFileSync(committed), Buffer.from(bytes)) !== 0) {
        problems.push(`public/firmware/${path} differs from the rebuilt bytes`);
      }
    }
  }
  const manifest = JSON.parse(manifestText) as Manifest;
  if (JSON.stringify(withEntries(manifest, entries)) !== JSON.stringify(manifest)) {
    problems.push('public/firmware/manifest.json does not hold the rebuilt bare-metal entries');
  }
  return problems;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  // --work DIR keeps the ELFs and link maps (for objdump, the emulator and the bench).
  const at = process.argv.indexOf('--work');
  const keep = at > 0 ? process.argv[at + 1] : undefined;
  const work = keep ?? mkdtempSync(join(tmpdir(), 'minnow-bare-'));
  try {
    const outputs = BARE_CHIPS.map((chip) => buildBare(chip, join(work, chip)));
    const manifestText = readFileSync(MANIFEST, 'utf8');
    if (check) {
      const entries = publish(join(work, 'public'), outputs);
      const problems = differences(outputs, entries, manifestText);
      problems.forEach((p) => console.error(`firmware-bare-check: ${p}`));
      if (problems.length > 0) {
        console.error('Run `npm run firmware:bare` and commit public/firmware/.');
        process.exit(1);
      }
      console.log(`firmware-bare-check: ${outputs.length} bare-metal images match their rebuilt bytes`);
      return;
    }
    const entries = publish(FIRMWARE, outputs);
    for (const out of outputs) {
      console.log(`${out.chip}: ${[...out.files].map(([p, b]) => `${p} ${b.length} bytes`).join(', ')}`);
    }
    const manifest = withEntries(JSON.parse(manifestText) as Manifest, entries);
    // Written as the repository's formatter would, so `npm run lint` stays clean.
    const options = { ...(await resolveConfig(MANIFEST)), filepath: MANIFEST };
    writeFileSync(MANIFEST, await format(JSON.stringify(manifest, null, 2), options));
  } finally {
    if (keep === undefined) rmSync(work, { recursive: true, force: true });
  }
}

await main();
