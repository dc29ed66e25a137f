/**
 * Builds public/firmware/manifest.json (docs/MANIFEST.md) from firmware builds, one folder per build variant
 * (e.g. esp32c3/, esp32p4/, esp32p4-rev3/). An ESP-IDF folder holds flasher_args.json and the binaries it names
 * (copied flat); a bare-metal folder holds minnow.bin and optionally partition-table.bin. Versions come from the
 * C headers, the model partition from partitions.csv; every image header must name the build's chip, and the
 * result is checked with the app's own parser before it is written.
 *
 *   npx tsx scripts/firmware-manifest.ts <firmware-dir> [--idf v5.5.1] [--partitions <partitions.csv>]
 *     [--build <folder> [--chip-revision MIN-MAX] [--flavour esp-idf|bare-metal] [--flash-freq 40m]] …
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseManifest } from '../src/core/firmware/manifest.ts';
import { parseBuildArgs, type BuildSpec } from './firmware-manifest-args.ts';
import { bareMetalEntry, buildFolders, idfEntry, type RawBuild } from './firmware-manifest-builds.ts';

const COMPONENT = 'firmware-template/components/minnow/include';

function define(header: string, name: string): number {
  const match = new RegExp(`#define ${name} (\\d+)`).exec(readFileSync(join(COMPONENT, header), 'utf8'));
  if (!match) throw new Error(`${header} does not define ${name}`);
  return Number(match[1]);
}

/** Offset and size of the "model" row of an ESP-IDF partitions.csv (sizes may use K or M). */
export function modelPartition(csv: string): { offset: string; size: number } {
  const row = csv
    .split('\n')
    .map(
      (line) =>
        line
          .split('#')[0]
          ?.split(',')
          .map((f) => f.trim()) ?? [],
    )
    .find((fields) => fields[0] === 'model');
  if (!row || !row[3] || !row[4])
    throw new Error('partitions.csv has no "model" row with an offset and a size');
  const size = /^(\d+)([KM]?)$/i.exec(row[4]);
  const bytes = size
    ? Number(size[1]) * (size[2]?.toUpperCase() === 'M' ? 2 ** 20 : size[2] ? 2 ** 10 : 1)
    : Number(row[4]);
  return { offset: row[3], size: bytes };
}

/**
 * The manifest for the builds of `dir` (every folder with a flasher_args.json when `specs` is undefined);
 * throws MANIFEST_INVALID if the app would refuse it, and a plain Error for a folder it cannot read.
 */
export function buildManifest(
  dir: string,
  idfVersion: string,
  csv: string,
  specs: readonly BuildSpec[] = buildFolders(dir),
): Record<string, unknown> {
  const version = ['MN_VERSION_MAJOR', 'MN_VERSION_MINOR', 'MN_VERSION_PATCH'].map((n) =>
    define('minnow.h', n),
  );
  const [min, max] = [define('minnow.h', 'MN_BLOB_VERSION_MIN'), define('minnow.h', 'MN_BLOB_VERSION_MAX')];
  const model = modelPartition(csv);
  const builds: RawBuild[] = specs.map((spec) =>
    spec.flavour === 'bare-metal' ? bareMetalEntry(dir, spec, model) : idfEntry(dir, spec, idfVersion, model),
  );
  const manifest = {
    format: 'minnow-firmware-manifest',
    version: 1,
    firmwareVersion: version.join('.'),
    protocolVersion: define('mn_server.h', 'MN_PROTOCOL_VERSION'),
    blobVersions: Array.from({ length: max - min + 1 }, (_, i) => min + i),
    builds,
  };
  parseManifest(manifest);
  return manifest;
}

function main(): void {
  const args = parseBuildArgs(process.argv.slice(2));
  const csv = readFileSync(args.partitions, 'utf8');
  const manifest = buildManifest(args.dir, args.idf, csv, args.builds);
  writeFileSync(join(args.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const names = (manifest.builds as RawBuild[]).map((b) => b.files[0]?.path.split('/')[0] ?? b.chip);
  console.log(`manifest: ${names.join(', ') || 'no builds'}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
