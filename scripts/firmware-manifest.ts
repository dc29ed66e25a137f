/**
 * Builds public/firmware/manifest.json (docs/MANIFEST.md) from per-chip firmware builds: each
 * <firmware-dir>/<chip>/ holds ESP-IDF's flasher_args.json and the binaries it names (copied flat). Versions
 * come from the C headers, the model partition from partitions.csv; the result is checked with the app's own
 * parser before it is written.
 *
 *   npx tsx scripts/firmware-manifest.ts <firmware-dir> [--idf v5.5.1]
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseManifest } from '../src/core/firmware/manifest.ts';

const COMPONENT = 'firmware-template/components/minnow/include';
const ROLES = ['bootloader', 'partition-table', 'otadata', 'app'] as const;

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

interface FlasherArgs {
  readonly flash_settings: { flash_mode: string; flash_freq: string; flash_size: string };
  readonly extra_esptool_args?: { chip?: string };
  readonly [role: string]: unknown;
}

/** A build as written: offsets stay the hex strings of flasher_args.json, as docs/MANIFEST.md allows. */
export interface RawBuild {
  readonly chip: string;
  readonly idfVersion: string;
  readonly flashMode: string;
  readonly flashFreq: string;
  readonly flashSize: string;
  readonly appBytes: number;
  readonly files: readonly { role: string; offset: string; path: string; size: number; sha256: string }[];
  readonly modelPartition: { offset: string; size: number };
  readonly flasherArgs: string;
}

/** One manifest build from a chip folder (paths in the manifest are relative to the firmware dir). */
export function buildEntry(dir: string, chipDir: string, idfVersion: string, csv: string): RawBuild {
  const args = JSON.parse(readFileSync(join(dir, chipDir, 'flasher_args.json'), 'utf8')) as FlasherArgs;
  const files = ROLES.flatMap((role) => {
    const entry = args[role] as { offset: string; file: string } | undefined;
    if (!entry) return [];
    const path = `${chipDir}/${basename(entry.file)}`;
    const bytes = readFileSync(join(dir, path));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return [{ role, offset: entry.offset, path, size: bytes.length, sha256 }];
  });
  const app = files.find((f) => f.role === 'app');
  const { flash_mode, flash_freq, flash_size } = args.flash_settings;
  return {
    chip: args.extra_esptool_args?.chip ?? chipDir,
    idfVersion,
    flashMode: flash_mode,
    flashFreq: flash_freq,
    flashSize: flash_size,
    appBytes: app?.size ?? 0,
    files,
    modelPartition: modelPartition(csv),
    flasherArgs: `${chipDir}/flasher_args.json`,
  };
}

/** The manifest for every chip folder of `dir`; throws MANIFEST_INVALID if the app would refuse it. */
export function buildManifest(dir: string, idfVersion: string, csv: string): Record<string, unknown> {
  const chips = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'flasher_args.json')))
    .map((d) => d.name)
    .sort();
  const version = ['MN_VERSION_MAJOR', 'MN_VERSION_MINOR', 'MN_VERSION_PATCH'].map((n) =>
    define('minnow.h', n),
  );
  const [min, max] = [define('minnow.h', 'MN_BLOB_VERSION_MIN'), define('minnow.h', 'MN_BLOB_VERSION_MAX')];
  const manifest = {
    format: 'minnow-firmware-manifest',
    version: 1,
    firmwareVersion: version.join('.'),
    protocolVersion: define('mn_server.h', 'MN_PROTOCOL_VERSION'),
    blobVersions: Array.from({ length: max - min + 1 }, (_, i) => min + i),
    builds: chips.map((chip) => buildEntry(dir, chip, idfVersion, csv)),
  };
  parseManifest(manifest);
  return manifest;
}

function main(): void {
  const [dir, ...rest] = process.argv.slice(2);
  if (!dir) throw new Error('usage: firmware-manifest.ts <firmware-dir> [--idf v5.5.1]');
  const idf = rest.includes('--idf') ? (rest[rest.indexOf('--idf') + 1] ?? 'unknown') : 'unknown';
  const manifest = buildManifest(dir, idf, readFileSync('firmware-template/partitions.csv', 'utf8'));
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`manifest: ${(manifest.builds as RawBuild[]).map((b) => b.chip).join(', ') || 'no builds'}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
