import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { imageChipName, readImageHeader } from '../src/core/firmware/image-header.ts';
import type { BuildSpec } from './firmware-manifest-args.ts';

const ROLES = ['bootloader', 'partition-table', 'otadata', 'app'] as const;
/** The roles whose file is an ESP image with a chip id in its header. */
const IMAGES = new Set(['bootloader', 'app', 'image']);

interface FlasherArgs {
  readonly flash_settings: { flash_mode: string; flash_freq: string; flash_size: string };
  readonly extra_esptool_args?: { chip?: string };
  readonly [role: string]: unknown;
}

interface RawFile {
  readonly role: string;
  readonly offset: string;
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** A build as written: offsets stay the hex strings of flasher_args.json, as docs/MANIFEST.md allows. */
export interface RawBuild {
  readonly chip: string;
  readonly flavour: string;
  readonly chipRevision?: { readonly min: number; readonly max: number };
  readonly idfVersion?: string;
  readonly flashMode: string;
  readonly flashFreq: string;
  readonly flashSize: string;
  readonly appBytes: number;
  readonly files: readonly RawFile[];
  readonly modelPartition: { offset: string; size: number };
  readonly flasherArgs?: string;
}

/** Every folder of `dir` holding a flasher_args.json, as esp-idf builds for any revision (the default). */
export function buildFolders(dir: string): BuildSpec[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'flasher_args.json')))
    .map((d) => ({ folder: d.name, flavour: 'esp-idf' as const }))
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

/** One file of a build folder, checked: present, and an image of `chip` when its role is an image. */
function fileEntry(dir: string, folder: string, role: string, offset: string, name: string, chip: string) {
  const path = `${folder}/${basename(name)}`;
  if (!existsSync(join(dir, path)))
    throw new Error(`${path}: the ${role} file named by the build is missing`);
  const bytes = readFileSync(join(dir, path));
  if (IMAGES.has(role)) {
    const header = readImageHeader(bytes);
    if (typeof header === 'string') throw new Error(`${path} is not an ESP image: ${header}`);
    if (header.chip !== chip) throw new Error(`${path} is built for ${imageChipName(header)}, not ${chip}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { role, offset, path, size: bytes.length, sha256 };
}

const revision = (spec: BuildSpec) => (spec.chipRevision ? { chipRevision: spec.chipRevision } : {});

/** An ESP-IDF build folder: flasher_args.json and the binaries it names, copied flat. */
export function idfEntry(
  dir: string,
  spec: BuildSpec,
  idfVersion: string,
  modelPartition: RawBuild['modelPartition'],
): RawBuild {
  const argsPath = join(dir, spec.folder, 'flasher_args.json');
  if (!existsSync(argsPath)) throw new Error(`${spec.folder}/flasher_args.json is missing`);
  const args = JSON.parse(readFileSync(argsPath, 'utf8')) as FlasherArgs;
  const chip = args.extra_esptool_args?.chip ?? spec.folder;
  const files = ROLES.flatMap((role) => {
    const entry = args[role] as { offset: string; file: string } | undefined;
    return entry ? [fileEntry(dir, spec.folder, role, entry.offset, entry.file, chip)] : [];
  });
  const { flash_mode, flash_freq, flash_size } = args.flash_settings;
  return {
    chip,
    flavour: 'esp-idf',
    ...revision(spec),
    idfVersion,
    flashMode: flash_mode,
    flashFreq: spec.flashFreq ?? flash_freq,
    flashSize: flash_size,
    appBytes: files.find((f) => f.role === 'app')?.size ?? 0,
    files,
    modelPartition,
    flasherArgs: `${spec.folder}/flasher_args.json`,
  };
}

/** A bare-metal build folder: minnow.bin (the image at 0x0) and, if present, partition-table.bin at 0x8000. */
export function bareMetalEntry(
  dir: string,
  spec: BuildSpec,
  modelPartition: RawBuild['modelPartition'],
): RawBuild {
  const imagePath = join(dir, spec.folder, 'minnow.bin');
  if (!existsSync(imagePath)) throw new Error(`${spec.folder}/minnow.bin (the bare-metal image) is missing`);
  const header = readImageHeader(readFileSync(imagePath));
  if (typeof header === 'string') throw new Error(`${spec.folder}/minnow.bin is not an ESP image: ${header}`);
  if (!header.chip || !header.flashMode || !header.flashSize) {
    throw new Error(`${spec.folder}/minnow.bin: its header names no known chip, flash mode or flash size`);
  }
  const image = fileEntry(dir, spec.folder, 'image', '0x0', 'minnow.bin', header.chip);
  const hasTable = existsSync(join(dir, spec.folder, 'partition-table.bin'));
  const table = hasTable
    ? [fileEntry(dir, spec.folder, 'partition-table', '0x8000', 'partition-table.bin', header.chip)]
    : [];
  return {
    chip: header.chip,
    flavour: 'bare-metal',
    ...revision(spec),
    flashMode: header.flashMode,
    flashFreq: spec.flashFreq ?? '40m',
    flashSize: header.flashSize,
    appBytes: image.size,
    files: [image, ...table],
    modelPartition,
  };
}
