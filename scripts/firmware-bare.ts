/**
 * `npm run firmware:bare`: rebuilds public/firmware/esp32c3|esp32c6/minnow-bare.bin and their manifest
 * entries. With --check, builds into a temporary folder and fails if the committed bytes or entries differ
 * (scripts/firmware-bare-check.sh, run by CI): the build is reproducible, so any difference is a stale commit.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { format, resolveConfig } from 'prettier';

import { BARE_CHIPS, buildBare, type BareOutput } from './firmware-bare-build.ts';

const FIRMWARE = join(import.meta.dirname, '..', 'public', 'firmware');
const MANIFEST = join(FIRMWARE, 'manifest.json');

interface Manifest {
  builds: Record<string, unknown>[];
  [key: string]: unknown;
}

function withEntries(manifest: Manifest, outputs: readonly BareOutput[]): Manifest {
  const isOurs = (b: Record<string, unknown>) =>
    b.flavour === 'bare-metal' && outputs.some((o) => o.chip === b.chip);
  return {
    ...manifest,
    builds: [...manifest.builds.filter((b) => !isOurs(b)), ...outputs.map((o) => o.entry)],
  };
}

function differences(outputs: readonly BareOutput[], manifestText: string): string[] {
  const problems: string[] = [];
  for (const out of outputs) {
    for (const [path, bytes] of out.files) {
      let committed: Uint8Array | undefined;
      try {
        committed = readFileSync(join(FIRMWARE, path));
      } catch {
        committed = undefined;
      }
      if (committed === undefined) problems.push(`public/firmware/${path} is missing`);
      else if (Buffer.compare(Buffer.from(committed), Buffer.from(bytes)) !== 0) {
        problems.push(`public/firmware/${path} differs from the rebuilt bytes`);
      }
    }
  }
  const manifest = JSON.parse(manifestText) as Manifest;
  if (JSON.stringify(withEntries(manifest, outputs)) !== JSON.stringify(manifest)) {
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
      const problems = differences(outputs, manifestText);
      problems.forEach((p) => console.error(`firmware-bare-check: ${p}`));
      if (problems.length > 0) {
        console.error('Run `npm run firmware:bare` and commit public/firmware/.');
        process.exit(1);
      }
      console.log(`firmware-bare-check: ${outputs.length} bare-metal images match their rebuilt bytes`);
      return;
    }
    for (const out of outputs) {
      for (const [path, bytes] of out.files) {
        mkdirSync(dirname(join(FIRMWARE, path)), { recursive: true });
        writeFileSync(join(FIRMWARE, path), bytes);
      }
      console.log(`${out.chip}: ${[...out.files].map(([p, b]) => `${p} ${b.length} bytes`).join(', ')}`);
    }
    const manifest = withEntries(JSON.parse(manifestText) as Manifest, outputs);
    // Written as the repository's formatter would, so `npm run lint` stays clean.
    const options = { ...(await resolveConfig(MANIFEST)), filepath: MANIFEST };
    writeFileSync(MANIFEST, await format(JSON.stringify(manifest, null, 2), options));
  } finally {
    if (keep === undefined) rmSync(work, { recursive: true, force: true });
  }
}

await main();
