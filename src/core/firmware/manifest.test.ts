import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBuild, parseManifest, parseManifestJson } from './manifest.ts';

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

function files(b: Record<string, unknown>): Record<string, unknown>[] {
  return b.files as Record<string, unknown>[];
}

describe('firmware manifest', () => {
  it('accepts the manifest committed in public/firmware', () => {
    const text = readFileSync(new URL('../../../public/firmware/manifest.json', import.meta.url), 'utf8');
    const m = parseManifestJson(text);
    expect(m.builds).toEqual([]);
    expect(m.blobVersions).toContain(1);
  });

  it('reads a full build, turning hex-string offsets into numbers', () => {
    const m = parseManifest(manifest());
    const b = findBuild(m, 'esp32c3');
    expect(b?.files.map((f) => f.offset)).toEqual([0, 0x8000, 0x10000]);
    expect(b?.modelPartition).toEqual({ offset: 0x100000, size: 0x100000 });
    expect(findBuild(m, 'esp32')).toBeUndefined();
  });

  it('rejects a newer version with MANIFEST_VERSION', () => {
    expect(() => parseManifest({ ...manifest(), version: 2 })).toThrow(
      expect.objectContaining({ id: 'MANIFEST_VERSION' }),
    );
  });

  const garbage: [string, unknown, RegExp][] = [
    ['null', null, /top level/],
    ['an array', [], /top level/],
    ['a string', 'manifest', /top level/],
    ['another format', { ...manifest(), format: 'esp-web-tools' }, /format/],
    ['no builds', { ...manifest(), builds: undefined }, /builds/],
    ['an unknown key', { ...manifest(), extra: 1 }, /extra/],
    ['no blob versions', { ...manifest(), blobVersions: [] }, /blobVersions/],
    ['a repeated blob version', { ...manifest(), blobVersions: [1, 1] }, /listed twice/],
    ['a bad firmware version', { ...manifest(), firmwareVersion: 'latest' }, /firmwareVersion/],
    ['a bad chip id', withBuild((b) => (b.chip = 'ESP32 C3')), /chip/],
    ['two builds for one chip', manifest([c3Build(), c3Build()]), /two builds for chip "esp32c3"/],
    ['a bad flash mode', withBuild((b) => (b.flashMode = 'fast')), /flashMode/],
    ['a bad flash size', withBuild((b) => (b.flashSize = '3MB')), /flashSize/],
    ['a bad sha256', withBuild((b) => ((files(b)[0] as Record<string, unknown>).sha256 = 'xyz')), /sha256/],
    [
      'a path leaving the folder',
      withBuild((b) => ((files(b)[2] as Record<string, unknown>).path = '../../etc/passwd')),
      /path/,
    ],
    [
      'an absolute path',
      withBuild((b) => ((files(b)[2] as Record<string, unknown>).path = '/app.bin')),
      /path/,
    ],
    ['a URL', withBuild((b) => (b.flasherArgs = 'https://example.com/x.json')), /flasherArgs/],
    ['a negative offset', withBuild((b) => ((files(b)[2] as Record<string, unknown>).offset = -1)), /offset/],
    [
      'a non-hex offset',
      withBuild((b) => ((files(b)[2] as Record<string, unknown>).offset = '65536')),
      /offset/,
    ],
    ['an empty file', withBuild((b) => ((files(b)[2] as Record<string, unknown>).size = 0)), /size/],
    ['an unknown role', withBuild((b) => ((files(b)[0] as Record<string, unknown>).role = 'nvs')), /role/],
    ['no app', withBuild((b) => (b.files = files(b).slice(0, 2))), /no "app" file/],
    [
      'two bootloaders',
      withBuild((b) => files(b).push({ ...files(b)[0], offset: 0x3000 })),
      /two "bootloader"/,
    ],
    [
      'an app off its 64 KB boundary',
      withBuild((b) => ((files(b)[2] as Record<string, unknown>).offset = 0x11000)),
      /multiple of 0x10000/,
    ],
    [
      'a data file off its 4 KB boundary',
      withBuild((b) => ((files(b)[1] as Record<string, unknown>).offset = 0x8100)),
      /multiple of 0x1000/,
    ],
    ['appBytes unlike the app file', withBuild((b) => (b.appBytes = 1)), /appBytes/],
    [
      'an unaligned model partition',
      withBuild((b) => (b.modelPartition = { offset: 0x100000, size: 1000 })),
      /not aligned/,
    ],
    ['a model partition past the flash', withBuild((b) => (b.flashSize = '1MB')), /past the 1MB flash/],
    [
      'an app overlapping the model partition',
      withBuild((b) => (b.modelPartition = { offset: 0x20000, size: 0x1000 })),
      /overlaps/,
    ],
    [
      'the bootloader where the ROM does not look',
      withBuild((b) => ((files(b)[0] as Record<string, unknown>).offset = 0x1000)),
      /loads the bootloader from 0x0/,
    ],
  ];

  it.each(garbage)('rejects %s with MANIFEST_INVALID', (_, raw, detail) => {
    let error: unknown;
    try {
      parseManifest(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ id: 'MANIFEST_INVALID', code: 202 });
    expect((error as Error).message).toMatch(detail);
  });

  it('rejects text that is not JSON with MANIFEST_INVALID', () => {
    expect(() => parseManifestJson('{"format":')).toThrow(
      expect.objectContaining({ id: 'MANIFEST_INVALID' }),
    );
  });

  it('accepts a build for a chip this catalog does not know yet', () => {
    const m = parseManifest(withBuild((b) => (b.chip = 'esp32c5')));
    expect(m.builds[0]?.chip).toBe('esp32c5');
  });
});
