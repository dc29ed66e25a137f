import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { checkEspImage } from '../src/core/firmware/esp-image-reader.ts';
import { findModelPartition, readPartitionTable } from '../src/device/partition-read.ts';
import { BARE_CHIPS, MODEL_PARTITION } from './firmware-bare-build.ts';

const FIRMWARE = join(import.meta.dirname, '..', 'public', 'firmware');
const manifest = JSON.parse(readFileSync(join(FIRMWARE, 'manifest.json'), 'utf8')) as {
  builds: {
    chip: string;
    flavour?: string;
    appBytes: number;
    files: { role: string; path: string; size: number; sha256: string }[];
  }[];
};

describe('the shipped bare-metal builds (public/firmware/esp32c3|esp32c6)', () => {
  for (const chip of BARE_CHIPS) {
    const build = manifest.builds.find((b) => b.chip === chip && b.flavour === 'bare-metal')!;

    it(`${chip}: the manifest names one image at 0x0 whose size and SHA-256 match the file`, () => {
      expect(build.files.map((f) => f.role)).toEqual(['image']);
      const [file] = build.files;
      const bytes = readFileSync(join(FIRMWARE, file!.path));
      expect([bytes.length, build.appBytes]).toEqual([file!.size, file!.size]);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file!.sha256);
      checkEspImage(bytes, chip);
    });

    it(`${chip}: flash 0x8000 holds a partition table the app reads for model-only updates`, () => {
      const image = readFileSync(join(FIRMWARE, build.files[0]!.path));
      const model = findModelPartition(readPartitionTable(image.subarray(0x8000, 0x8c00)));
      expect(model).toMatchObject(MODEL_PARTITION);
    });
  }
});
