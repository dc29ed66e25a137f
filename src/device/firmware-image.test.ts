import { describe, expect, it } from 'vitest';
import { findBuild } from '../core/firmware/manifest.ts';
import { checkFlashedModel } from './confirm.ts';
import { loadManifestImage } from './firmware-image.ts';
import { compileExample } from './testing/example-blob.ts';
import { placeholderBuild } from './testing/placeholder-firmware.ts';
import { describeModel, SCRIPTED_INFO } from './testing/scripted-firmware.ts';

describe('loadManifestImage', () => {
  const { manifest, files, fetchFile } = placeholderBuild(['esp32']);
  const build = findBuild(manifest, 'esp32');
  if (!build) throw new Error('the placeholder manifest has no esp32 build');

  it('returns the files at their offsets with the model partition and blob versions', async () => {
    const image = await loadManifestImage(manifest, build, fetchFile);
    expect(image.files.map((f) => [f.role, f.offset])).toEqual([
      ['bootloader', 0x1000],
      ['partition-table', 0x8000],
      ['app', 0x10000],
    ]);
    expect(image).toMatchObject({ chip: 'esp32', modelPartition: { offset: 0x100000 }, blobVersions: [1] });
  });

  it('refuses a file whose SHA-256 or size differs from the manifest, or that cannot be fetched', async () => {
    const damaged = async (path: string) => {
      const data = (files.get(path) as Uint8Array).slice();
      if (path.endsWith('minnow.bin')) data[1000] = (data[1000] as number) ^ 1;
      return data;
    };
    await expect(loadManifestImage(manifest, build, damaged)).rejects.toThrow(
      /esp32\/minnow.bin is missing or damaged: its SHA-256 differs/,
    );
    const short = async (path: string) => (files.get(path) as Uint8Array).subarray(1);
    await expect(loadManifestImage(manifest, build, short)).rejects.toThrow(
      /it has \d+ bytes, the manifest says/,
    );
    const offline = async () => Promise.reject(new Error('HTTP 404'));
    await expect(loadManifestImage(manifest, build, offline)).rejects.toThrow(
      /could not be fetched \(HTTP 404\)/,
    );
  });
});

describe('checkFlashedModel', () => {
  const { blob } = compileExample(1);
  const other = compileExample(2).blob;

  it('accepts the info of the blob just written and refuses another model or none', () => {
    expect(() => checkFlashedModel({ ...SCRIPTED_INFO, ...describeModel(blob) }, blob)).not.toThrow();
    expect(() => checkFlashedModel({ ...SCRIPTED_INFO, ...describeModel(other) }, blob)).toThrow(
      /it runs a model with CRC 0x[0-9a-f]{8} instead of 0x[0-9a-f]{8}/,
    );
    const torn = blob.slice();
    torn[200] = (torn[200] as number) ^ 0xff;
    expect(() => checkFlashedModel({ ...SCRIPTED_INFO, ...describeModel(torn) }, blob)).toThrow(
      /it reports no valid model \(E305 BLOB_CRC\)/,
    );
  });
});
