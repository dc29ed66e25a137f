import { z } from 'zod';

/** Largest flash an ESP target addresses (the S2/S3 support up to 1 GB). */
export const MAX_FLASH_BYTES = 0x40000000;

export const FLASH_SIZES = ['1MB', '2MB', '4MB', '8MB', '16MB', '32MB', '64MB', '128MB'] as const;
export const FILE_ROLES = ['bootloader', 'partition-table', 'app', 'otadata', 'image'] as const;
export const FLAVOURS = ['esp-idf', 'bare-metal'] as const;
/** Chip revisions are major*100+minor, as ESP-IDF's min/max_chip_rev_full (an unsigned 16-bit field). */
export const MAX_CHIP_REVISION = 0xffff;

/** A flash address as a JSON number or as the hex string that flasher_args.json uses ("0x10000"). */
const address = z
  .union([
    z.number().int().nonnegative(),
    z
      .string()
      .regex(/^0x[0-9a-fA-F]{1,8}$/, 'expected a hex string such as "0x10000"')
      .transform((s) => Number.parseInt(s, 16)),
  ])
  .refine((n) => n < MAX_FLASH_BYTES, 'beyond the largest flash an ESP chip can address');

const byteCount = z.number().int().positive().max(MAX_FLASH_BYTES);

/** A path relative to public/firmware/: plain segments only, so it can never leave that folder. */
const relativePath = z
  .string()
  .max(200)
  .regex(
    /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/,
    'expected a relative path such as "esp32c3/app.bin"',
  )
  .refine(
    (p) => !p.split('/').some((seg) => seg === '..' || seg === '.'),
    'a path may not contain "." or ".."',
  );

const fileSchema = z
  .object({
    role: z.enum(FILE_ROLES),
    offset: address,
    path: relativePath,
    size: byteCount,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
  })
  .strict();

const revision = z.number().int().min(0).max(MAX_CHIP_REVISION);
const chipRevisionSchema = z
  .object({ min: revision, max: revision })
  .strict()
  .refine((r) => r.min <= r.max, 'min is above max');

const buildSchema = z
  .object({
    chip: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'expected a chip id such as "esp32c3"'),
    flavour: z.enum(FLAVOURS).default('esp-idf'),
    chipRevision: chipRevisionSchema.optional(),
    idfVersion: z
      .string()
      .regex(/^v?\d+\.\d+(\.\d+)?([-+.][0-9A-Za-z.-]+)?$/, 'expected an ESP-IDF version such as "v5.3.1"')
      .optional(),
    flashMode: z.enum(['qio', 'qout', 'dio', 'dout']),
    flashFreq: z.string().regex(/^\d{1,3}m$/, 'expected an esptool frequency such as "80m"'),
    flashSize: z.enum(FLASH_SIZES),
    appBytes: byteCount,
    files: z.array(fileSchema).min(1).max(8),
    modelPartition: z.object({ offset: address, size: byteCount }).strict(),
    flasherArgs: relativePath.optional(),
  })
  .strict();

export const manifestSchema = z
  .object({
    format: z.literal('minnow-firmware-manifest'),
    version: z.literal(1),
    firmwareVersion: z
      .string()
      .regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, 'expected a version such as "0.1.0"'),
    protocolVersion: z.number().int().positive(),
    blobVersions: z.array(z.number().int().positive()).min(1).max(16),
    builds: z.array(buildSchema).max(32),
  })
  .strict();

export type FirmwareManifest = z.output<typeof manifestSchema>;
export type FirmwareBuild = FirmwareManifest['builds'][number];
export type FirmwareFile = FirmwareBuild['files'][number];
export type FileRole = (typeof FILE_ROLES)[number];
export type Flavour = (typeof FLAVOURS)[number];
export type ChipRevisionRange = NonNullable<FirmwareBuild['chipRevision']>;

export function flashSizeBytes(size: (typeof FLASH_SIZES)[number]): number {
  return Number.parseInt(size, 10) * 1024 * 1024;
}
