import { flashSizeBytes, FLASH_SIZES } from '../core/firmware/manifest.ts';
import { imageChipName, readImageHeader } from '../core/firmware/image-header.ts';
import { MinnowError } from '../core/errors.ts';
import { chipLabel } from './chip-names.ts';
import type { FirmwareImage } from './firmware-image.ts';
import type { Region } from './flash-plan.ts';

/** The roles whose bytes are an ESP image the ROM or the bootloader loads, with a chip id in the header. */
const IMAGE_ROLES = new Set(['bootloader', 'app', 'image']);

const MB = 2 ** 20;
const size = (bytes: number) => (bytes % MB === 0 ? `${bytes / MB} MB` : `${(bytes / MB).toFixed(2)} MB`);

/**
 * M-17, before anything is written: the image is for the detected chip, as a whole (flasher_args.json's chip)
 * and in each image header (chip_id, byte 12–13); a file that is no ESP image is refused. `against` words the
 * other side ("the board is an", "flasher_args.json names").
 */
export function checkImageForChip(image: FirmwareImage, chip: string, against = 'the board is an'): void {
  if (image.chip !== chip) {
    throw new MinnowError('IMAGE_CHIP_MISMATCH', {
      what: image.source === 'user' ? 'Your build' : 'This firmware build',
      built: chipLabel(image.chip),
      against,
      chip: chipLabel(chip),
      chipId: chip,
    });
  }
  for (const file of image.files.filter((f) => IMAGE_ROLES.has(f.role))) {
    const header = readImageHeader(file.data);
    if (typeof header === 'string') {
      throw new MinnowError('FIRMWARE_FILE_INVALID', {
        file: file.name,
        detail: `${header}; nothing was written`,
      });
    }
    if (header.chip !== chip) {
      throw new MinnowError('IMAGE_CHIP_MISMATCH', {
        what: `The firmware file ${file.name}`,
        built: imageChipName(header),
        against,
        chip: chipLabel(chip),
        chipId: chip,
      });
    }
  }
}

/** The bytes a flash size such as "4MB" (flasher_args.json, the manifest) names, or undefined for "keep" etc. */
export function declaredFlashBytes(flashSize: string | undefined): number | undefined {
  const known = FLASH_SIZES.find((s) => s === flashSize);
  return known ? flashSizeBytes(known) : undefined;
}

/**
 * M-17, before anything is written: the build's flash size, its model partition and every region end inside the
 * board's flash (read from the flash chip's JEDEC id; undefined when it could not be read: esptool-js's own
 * checks remain). A build made for less flash than the board has is fine: it uses the first part.
 */
export function checkFlashFits(
  image: FirmwareImage | undefined,
  regions: readonly Region[],
  flash: number | undefined,
): void {
  if (flash === undefined) return;
  const have = size(flash);
  const declared = declaredFlashBytes(image?.flashSize);
  if (declared !== undefined && declared > flash) {
    const what = image?.source === 'user' ? 'Your build (its flash size setting)' : 'This firmware build';
    throw new MinnowError('FLASH_TOO_SMALL', { what, need: size(declared), have });
  }
  const model = image?.modelPartition;
  const ends = [
    ...(model ? [{ name: 'The model partition', end: model.offset + model.size }] : []),
    ...regions.map((r) => ({
      name: r.role === 'model' ? 'The model' : `The file ${r.name}`,
      end: r.address + r.data.length,
    })),
  ];
  const over = ends.find((r) => r.end > flash);
  if (over) {
    throw new MinnowError('FLASH_TOO_SMALL', {
      what: `${over.name} (ending at 0x${over.end.toString(16)})`,
      need: size(over.end),
      have,
    });
  }
}
