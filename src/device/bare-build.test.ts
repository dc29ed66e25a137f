import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBuild, parseManifestJson, type FirmwareManifest } from '../core/firmware/manifest.ts';
import { loadManifestImage, type FetchFile } from './firmware-image.ts';

const FIRMWARE = join(import.meta.dirname, '..', '..', 'public', 'firmware');
const shipped = parseManifestJson(readFileSync(join(FIRMWARE, 'manifest.json'), 'utf8'));
const fromDisk: FetchFile = async (path) => new Uint8Array(readFileSync(join(FIRMWARE, path)));

/** The shipped manifest with one build's file replaced by `bytes` (size and SHA-256 made to match). */
function withImage(chip: string, bytes: Uint8Array): { manifest: FirmwareManifest; fetchFile: FetchFile } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const builds = shipped.builds.map((b) =>
    b.chip === chip ? { ...b, files: b.files.map((f) => ({ ...f, size: bytes.length, sha256 })) } : b,
  );
  return { manifest: { ...shipped, builds }, fetchFile: async () => bytes };
}

describe('the shipped bare-metal builds as the flasher loads them', () => {
  for (const chip of ['esp32c3', 'esp32c6']) {
    it(`${chip}: the image passes the ROM's checks and the table inside it names the manifest's model partition`, async () => {
      const build = findBuild(shipped, chip);
      if (!build) throw new Error(`no ${chip} build shipped`);
      const image = await loadManifestImage(shipped, build, fromDisk);
      expect(image.files.map((f) => [f.role, f.offset])).toEqual([['image', 0]]);
      expect(image.modelPartition).toEqual({ offset: 0x100000, size: 0x100000 });
    });
  }

  it('refuses an image that fails its own checks even when the manifest vouches for its bytes', async () => {
    const good = new Uint8Array(readFileSync(join(FIRMWARE, 'esp32c3', 'minnow.bin')));
    const broken = good.slice();
    broken[40] = (broken[40] ?? 0) ^ 0xff; // a byte of the first segment: checksum and digest no longer match
    const { manifest, fetchFile } = withImage('esp32c3', broken);
    const build = findBuild(manifest, 'esp32c3');
    if (!build) throw new Error('no build');
    await expect(loadManifestImage(manifest, build, fetchFile)).rejects.toMatchObject({ code: 550 });
  });

  it('refuses a manifest whose model partition is not where the image-borne table puts it (M-18)', async () => {
    const builds = shipped.builds.map((b) => ({ ...b, modelPartition: { offset: 0x180000, size: 0x80000 } }));
    const manifest = { ...shipped, builds };
    const build = findBuild(manifest, 'esp32c6');
    if (!build) throw new Error('no build');
    await expect(loadManifestImage(manifest, build, fromDisk)).rejects.toMatchObject({ code: 545 });
  });
});
