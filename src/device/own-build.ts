import { MinnowError } from '../core/errors.ts';
import type { FirmwareImage } from './firmware-image.ts';
import { imageFromFlasherArgs } from './flasher-args.ts';
import { imageFromMergedBin } from './merged-bin.ts';

/** One picked file: its path in the picked folder (or its name) and its bytes. */
export interface PickedFile {
  readonly path: string;
  readonly data: Uint8Array;
}

const baseName = (path: string) => path.replace(/\\/g, '/').split('/').pop() ?? path;

/**
 * The user's own ESP-IDF build, as picked on the Board tab: the build folder (or flasher_args.json with the
 * .bin files it names), or one merged .bin of `esptool merge_bin`. Each path is checked before anything is
 * written (FLASHER_ARGS_INVALID, IMAGE_CHIP_MISMATCH, NO_MODEL_PARTITION, FIRMWARE_FILE_INVALID).
 */
export function imageFromPicked(files: readonly PickedFile[]): FirmwareImage {
  const args = files.filter((f) => baseName(f.path) === 'flasher_args.json');
  const bins = files.filter((f) => f.path.toLowerCase().endsWith('.bin'));
  if (args.length > 1) {
    throw new MinnowError('FLASHER_ARGS_INVALID', {
      detail: `${args.length} flasher_args.json files were picked: pick one build folder (build/)`,
    });
  }
  const [only] = args;
  if (only) {
    const text = new TextDecoder().decode(only.data);
    return imageFromFlasherArgs(text, new Map(bins.map((f) => [f.path, f.data])));
  }
  const [merged] = bins;
  if (bins.length === 1 && merged) return imageFromMergedBin(baseName(merged.path), merged.data);
  throw new MinnowError('FLASHER_ARGS_INVALID', {
    detail:
      bins.length === 0
        ? 'no flasher_args.json and no .bin file was picked'
        : `${bins.length} .bin files but no flasher_args.json were picked, which says where each one goes`,
  });
}
