import { z } from 'zod';
import type { FileRole } from '../core/firmware/manifest.ts';
import { MinnowError } from '../core/errors.ts';
import type { FirmwareFile, FirmwareImage } from './firmware-image.ts';
import { checkImageForChip } from './image-checks.ts';
import { findModelPartition, readPartitionTable } from './partition-read.ts';

/** The roles flasher_args.json names (an ESP-IDF build has no bare-metal `image`). */
const IDF_ROLES = ['bootloader', 'partition-table', 'app', 'otadata'] as const;
const hexOffset = z.string().regex(/^0x[0-9a-fA-F]{1,8}$/, 'expected a hex offset such as "0x10000"');
const named = z.object({ offset: hexOffset, file: z.string().min(1) }).loose();

/** build/flasher_args.json as idf.py writes it (FACTS §B.5); keys this reader does not need are allowed. */
const schema = z
  .object({
    flash_files: z.record(hexOffset, z.string().min(1)),
    flash_settings: z.object({ flash_size: z.string().optional() }).loose().optional(),
    extra_esptool_args: z.object({ chip: z.string().regex(/^[a-z0-9]+$/) }).loose(),
    bootloader: named.optional(),
    'partition-table': named.optional(),
    app: named.optional(),
    otadata: named.optional(),
  })
  .loose();

function invalid(detail: string): MinnowError {
  return new MinnowError('FLASHER_ARGS_INVALID', { detail });
}

/** The picked file for a path of flash_files: the same relative path, a path ending in it, or its base name. */
function pick(files: ReadonlyMap<string, Uint8Array>, path: string): Uint8Array | undefined {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');
  const want = norm(path);
  const base = want.split('/').pop() ?? want;
  const entries = [...files].map(([name, data]) => [norm(name), data] as const);
  const exact = entries.find(([name]) => name === want || name.endsWith(`/${want}`));
  if (exact) return exact[1];
  const byBase = entries.filter(([name]) => (name.split('/').pop() ?? name) === base);
  return byBase.length === 1 ? byBase[0]?.[1] : undefined;
}

function parseJson(text: string): z.output<typeof schema> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw invalid(`flasher_args.json is not JSON (${(e as Error).message})`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw invalid(
      `flasher_args.json ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return result.data;
}

/**
 * A firmware image from the user's own ESP-IDF build: flasher_args.json plus the binaries it names, picked as a
 * build folder or one by one. The model partition is read from the build's own partition table; a file that
 * idf.py would flash into that partition is left out, since the model blob goes there.
 */
export function imageFromFlasherArgs(
  jsonText: string,
  files: ReadonlyMap<string, Uint8Array>,
): FirmwareImage {
  const args = parseJson(jsonText);
  const roleOf = new Map<string, FileRole>();
  for (const role of IDF_ROLES) {
    const entry = args[role];
    if (entry) roleOf.set(entry.offset.toLowerCase(), role);
  }
  const all: FirmwareFile[] = Object.entries(args.flash_files).map(([offset, path]) => {
    const data = pick(files, path);
    if (!data) throw invalid(`${path} (named in flasher_args.json) was not among the picked files`);
    return {
      role: roleOf.get(offset.toLowerCase()) ?? 'other',
      name: path,
      offset: Number.parseInt(offset, 16),
      data,
    };
  });
  for (const role of ['bootloader', 'partition-table', 'app'] as const) {
    if (!all.some((f) => f.role === role)) throw invalid(`flasher_args.json names no ${role}`);
  }
  const table = all.find((f) => f.role === 'partition-table') as FirmwareFile;
  const model = findModelPartition(readPartitionTable(table.data));
  if (!model) throw new MinnowError('NO_MODEL_PARTITION');
  const flashSize = args.flash_settings?.flash_size;
  const image: FirmwareImage = {
    chip: args.extra_esptool_args.chip,
    source: 'user',
    files: all.filter((f) => f.offset !== model.offset),
    modelPartition: { offset: model.offset, size: model.size },
    ...(flashSize ? { flashSize } : {}),
  };
  checkImageForChip(image, image.chip, 'flasher_args.json names an');
  return image;
}
