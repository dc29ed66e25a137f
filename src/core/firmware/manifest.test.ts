import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBuild, parseManifest, parseManifestJson, pickBuild } from './manifest.ts';

const SHA = 'a'.repeat(64);

/** A plausible ESP32-C3 build, as the firmware pipeline would write it from flasher_args.json. */
function c3Build(): Record<string, unknown> {
  return {
    chip: 'esp32c3',
    idfVersion: 'v5.3.1',
    flashMode: 'dio',
    flashFreq: '80m',
    flashSize: '4MB',
    appBytes: 180_000,
    files: [
      { role: 'bootloader', offset: '0x0', path: 'esp32c3/bootloader.bin', size: 20_000, sha256: SHA },
      {
        role: 'partition-table',
        offset: '0x8000',
        path: 'esp32c3/partition-table.bin',
        size: 3072,
        sha256: SHA,
      },
      { role: 'app', offset: 0x10000, path: 'esp32c3/minnow.bin', size: 180_000, sha256: SHA },
    ],
    modelPartition: { offset: '0x100000', size: 0x100000 },
    flasherArgs: 'esp32c3/flasher_args.json',
  };
}

function manifest(builds: unknown[] = [c3Build()]): Record<string, unknown> {
  return {
    format: 'minnow-firmware-manifest',
    version: 1,
    firmwareVersion: '0.1.0',
    protocolVersion: 1,
    blobVersions: [1],
    builds,
  };
}

function withBuild(patch: (b: Record<string, unknown>) => void): Record<string, unknown> {
  const b = c3Build();
  patch(b);
  return manifest([b]);
}

/** The ESP32-C3 build, for chip revisions min..max only (M-6). */
function revBuild(min: number, max: number): Record<string, unknown> {
  const b = c3Build();
  b.chipRevision = { min, max };
  return b;
}

/** A bare-metal ESP32-C3 build (M-9): one image at 0x0 and its partition table at 0x8000. */
function bareBuild(patch: (b: Record<string, unknown>) => void = () => undefined): Record<string, unknown> {
  const b: Record<string, unknown> = {
    chip: 'esp32c3',
    flavour: 'bare-metal',
    flashMode: 'dio',
    flashFreq: '40m',
    flashSize: '2MB',
    appBytes: 0x6000,
    files: [
      { role: 'image', offset: '0x0', path: 'esp32c3-bare/minnow.bin', size: 0x6000, sha256: SHA },
      {
        role: 'partition-table',
        offset: '0x8000',
        path: 'esp32c3-bare/partition-table.bin',
        size: 3072,
        sha256: SHA,
      },
    ],
    modelPartition: { offset: '0x100000', size: 0x100000 },
  };
  patch(b);
  return manifest([b]);
}

function files(b: Record<string, unknown>): Record<string, unknown>[] {
  return b.files as Record<string, unknown>[];
}

describe('firmware manifest', () => {
  it('accepts the manifest committed in public/firmware', () => {
    const text = readFileSync(new URL('../../../public/firmware/manifest.json', import.meta.url), 'utf8');
    const m = parseManifestJson(text);
    expect(m.blobVersions).toContain(1);
    // The shipped bare-metal builds: one image each at 0x0, whose size and SHA-256 are the committed file's.
    expect(m.builds.map((b) => [b.chip, b.flavour])).toEqual([
      ['esp32c3', 'bare-metal'],
      ['esp32c6', 'bare-metal'],
    ]);
    for (const b of m.builds) {
      const [file] = b.files;
      expect(b.files.map((f) => [f.role, f.offset])).toEqual([['image', 0]]);
      const bytes = readFileSync(new URL(`../../../public/firmware/${file?.path}`, import.meta.url));
      expect(bytes.length).toBe(file?.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file?.sha256);
      expect(b.modelPartition).toEqual({ offset: 0x100000, size: 0x100000 });
    }
  });

  it('reads a full build, turning hex-string offsets into numbers', () => {
    const m = parseManifest(manifest());
    const b = findBuild(m, 'esp32c3');
    expect(b?.files.map((f) => f.offset)).toEqual([0, 0x8000, 0x10000]);
    expect(b?.modelPartition).toEqual({ offset: 0x100000, size: 0x100000 });
    expect(findBuild(m, 'esp32')).toBeUndefined();
  });

  it('[M-5] reads a build without flavour as esp-idf, and a bare-metal build as such', () => {
    expect(parseManifest(manifest()).builds[0]?.flavour).toBe('esp-idf');
    const bare = parseManifest(bareBuild()).builds[0];
    expect(bare).toMatchObject({ flavour: 'bare-metal', appBytes: 0x6000 });
    expect(bare?.files.map((f) => [f.role, f.offset])).toEqual([
      ['image', 0],
      ['partition-table', 0x8000],
    ]);
  });

  it('[M-9] accepts a bare-metal build of an image alone', () => {
    const m = parseManifest(bareBuild((b) => (b.files = files(b).slice(0, 1))));
    expect(m.builds[0]?.files).toHaveLength(1);
  });

  it('[M-7] [M-16] keeps builds of one chip for disjoint revisions and picks one by revision', () => {
    const m = parseManifest(manifest([revBuild(0, 299), revBuild(300, 9999)]));
    expect(pickBuild(m, 'esp32c3', 0)).toBe(m.builds[0]);
    expect(pickBuild(m, 'esp32c3', 299)).toBe(m.builds[0]);
    expect(pickBuild(m, 'esp32c3', 300)).toBe(m.builds[1]);
    expect(pickBuild(m, 'esp32c3', 9999)).toBe(m.builds[1]);
    expect(pickBuild(m, 'esp32', 300)).toBeUndefined();
    expect(() => pickBuild(m, 'esp32c3', 10000)).toThrow(
      expect.objectContaining({
        id: 'NO_BUILD_FOR_REVISION',
        message: expect.stringMatching(/revision v100.0; .* only for v0.0 to v2.99, v3.0 to v99.99/),
      }),
    );
    // Two ranged builds and an unknown revision: no guess.
    expect(() => pickBuild(m, 'esp32c3', undefined)).toThrow(/revision unknown/);
  });

  it('[M-16] takes the build for any revision whatever the chip reports', () => {
    const m = parseManifest(manifest());
    expect(pickBuild(m, 'esp32c3', 301)).toBe(m.builds[0]);
    expect(pickBuild(m, 'esp32c3', undefined)).toBe(m.builds[0]);
  });

  it('[M-1] rejects a newer version with MANIFEST_VERSION', () => {
    expect(() => parseManifest({ ...manifest(), version: 2 })).toThrow(
      expect.objectContaining({ id: 'MANIFEST_VERSION' }),
    );
  });

  const garbage: [string, unknown, RegExp][] = [
    ['[M-1] null', null, /top level/],
    ['[M-1] an array', [], /top level/],
    ['[M-1] a string', 'manifest', /top level/],
    ['[M-1] another format', { ...manifest(), format: 'esp-web-tools' }, /format/],
    ['[M-2] an unknown key', { ...manifest(), extra: 1 }, /extra/],
    ['[M-2] an unknown build key', withBuild((b) => (b.revision = 3)), /revision/],
    ['[M-3] no builds', { ...manifest(), builds: undefined }, /builds/],
    ['[M-3] no blob versions', { ...manifest(), blobVersions: [] }, /blobVersions/],
    ['[M-3] a repeated blob version', { ...manifest(), blobVersions: [1, 1] }, /listed twice/],
    ['[M-3] a bad firmware version', { ...manifest(), firmwareVersion: 'latest' }, /firmwareVersion/],
    ['[M-4] a bad chip id', withBuild((b) => (b.chip = 'ESP32 C3')), /chip/],
    ['[M-5] an unknown flavour', withBuild((b) => (b.flavour = 'arduino')), /flavour/],
    ['[M-5] a flavour that is not a string', withBuild((b) => (b.flavour = 1)), /flavour/],
    ['[M-5] an esp-idf build without idfVersion', withBuild((b) => delete b.idfVersion), /idfVersion/],
    ['[M-6] a revision range that is a string', withBuild((b) => (b.chipRevision = '0-299')), /chipRevision/],
    ['[M-6] a revision below 0', withBuild((b) => (b.chipRevision = { min: -1, max: 3 })), /chipRevision/],
    [
      '[M-6] a revision past 65535',
      withBuild((b) => (b.chipRevision = { min: 0, max: 65536 })),
      /chipRevision/,
    ],
    [
      '[M-6] a fractional revision',
      withBuild((b) => (b.chipRevision = { min: 0.5, max: 3 })),
      /chipRevision/,
    ],
    ['[M-6] min above max', withBuild((b) => (b.chipRevision = { min: 300, max: 299 })), /min is above max/],
    ['[M-6] a range without max', withBuild((b) => (b.chipRevision = { min: 300 })), /chipRevision/],
    [
      '[M-6] a range with an extra key',
      withBuild((b) => (b.chipRevision = { min: 0, max: 1, rev: 2 })),
      /rev/,
    ],
    ['[M-7] two builds for one chip', manifest([c3Build(), c3Build()]), /two builds for chip "esp32c3"/],
    [
      '[M-7] two builds whose revision ranges overlap',
      manifest([revBuild(0, 300), revBuild(300, 9999)]),
      /v0.0 to v3.0 and v3.0 to v99.99/,
    ],
    [
      '[M-7] a ranged build beside one for any revision',
      manifest([revBuild(0, 299), c3Build()]),
      /serve the same revisions/,
    ],
    ['[M-8] no app', withBuild((b) => (b.files = files(b).slice(0, 2))), /no "app" file/],
    [
      '[M-8] two bootloaders',
      withBuild((b) => files(b).push({ ...files(b)[0], offset: 0x3000 })),
      /two "bootloader"/,
    ],
    [
      '[M-8] an image file in an esp-idf build',
      withBuild((b) => files(b).push({ ...files(b)[0], role: 'image', offset: 0x4000 })),
      /esp-idf build has no "image"/,
    ],
    [
      '[M-8] the bootloader where the ROM does not look',
      withBuild((b) => ((files(b)[0] as Record<string, unknown>).offset = 0x1000)),
      /loads the bootloader from 0x0/,
    ],
    ['[M-9] a bare-metal build without image', bareBuild((b) => (b.files = files(b).slice(1))), /no "image"/],
    [
      '[M-9] a bare-metal build with an app',
      bareBuild((b) => files(b).push({ ...files(b)[0], role: 'app', offset: 0x10000 })),
      /bare-metal build has no "app"/,
    ],
    [
      '[M-9] a bare-metal image away from 0x0',
      bareBuild((b) => ((files(b)[0] as Record<string, unknown>).offset = 0x1000)),
      /from 0x0, not 0x1000/,
    ],
    [
      '[M-9] a bare-metal partition table away from 0x8000',
      bareBuild((b) => ((files(b)[1] as Record<string, unknown>).offset = 0x9000)),
      /at 0x8000, not 0x9000/,
    ],
    [
      '[M-9] a bare-metal image running into its partition table',
      bareBuild((b) => {
        (files(b)[0] as Record<string, unknown>).size = 0x8001;
        b.appBytes = 0x8001;
      }),
      /past the partition table/,
    ],
    [
      '[M-10] a negative offset',
      withBuild((b) => ((files(b)[2] as Record<string, unknown>).offset = -1)),
      /offset/,
    ],
    [
      '[M-10] a non-hex offset',
      withBuild((b) => ((files(b)[2] as Record<string, unknown>).offset = '65536')),
      /offset/,
    ],
    [
      '[M-10] an app off its 64 KB boundary',
      withBuild((b) => ((files(b)[2] as Record<string, unknown>).offset = 0x11000)),
      /multiple of 0x10000/,
    ],
    [
      '[M-10] a data file off its 4 KB boundary',
      withBuild((b) => ((files(b)[1] as Record<string, unknown>).offset = 0x8100)),
      /multiple of 0x1000/,
    ],
    [
      '[M-11] an unaligned model partition',
      withBuild((b) => (b.modelPartition = { offset: 0x100000, size: 1000 })),
      /not aligned/,
    ],
    [
      '[M-11] a model partition past the flash',
      withBuild((b) => (b.flashSize = '1MB')),
      /past the 1MB flash/,
    ],
    [
      '[M-11] an app overlapping the model partition',
      withBuild((b) => (b.modelPartition = { offset: 0x20000, size: 0x1000 })),
      /overlaps/,
    ],
    ['[M-12] appBytes unlike the app file', withBuild((b) => (b.appBytes = 1)), /appBytes/],
    ['[M-12] appBytes unlike the bare-metal image', bareBuild((b) => (b.appBytes = 1)), /image file's size/],
    [
      '[M-13] a path leaving the folder',
      withBuild((b) => ((files(b)[2] as Record<string, unknown>).path = '../../etc/passwd')),
      /path/,
    ],
    [
      '[M-13] an absolute path',
      withBuild((b) => ((files(b)[2] as Record<string, unknown>).path = '/app.bin')),
      /path/,
    ],
    ['[M-13] a URL', withBuild((b) => (b.flasherArgs = 'https://example.com/x.json')), /flasherArgs/],
    ['[M-14] an empty file', withBuild((b) => ((files(b)[2] as Record<string, unknown>).size = 0)), /size/],
    [
      '[M-14] a bad sha256',
      withBuild((b) => ((files(b)[0] as Record<string, unknown>).sha256 = 'xyz')),
      /sha256/,
    ],
    [
      '[M-14] an unknown role',
      withBuild((b) => ((files(b)[0] as Record<string, unknown>).role = 'nvs')),
      /role/,
    ],
    ['[M-15] a bad flash mode', withBuild((b) => (b.flashMode = 'fast')), /flashMode/],
    ['[M-15] a bad flash size', withBuild((b) => (b.flashSize = '3MB')), /flashSize/],
  ];

  it.each(garbage)('%s is rejected with MANIFEST_INVALID', (_, raw, detail) => {
    let error: unknown;
    try {
      parseManifest(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ id: 'MANIFEST_INVALID', code: 202 });
    expect((error as Error).message).toMatch(detail);
  });

  it('[M-1] rejects text that is not JSON with MANIFEST_INVALID', () => {
    expect(() => parseManifestJson('{"format":')).toThrow(
      expect.objectContaining({ id: 'MANIFEST_INVALID' }),
    );
  });

  it('[M-4] accepts a build for a chip this catalog does not know yet', () => {
    const m = parseManifest(withBuild((b) => (b.chip = 'esp32c5')));
    expect(m.builds[0]?.chip).toBe('esp32c5');
  });
});
