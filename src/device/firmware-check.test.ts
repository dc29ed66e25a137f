import { describe, expect, it } from 'vitest';
import { firmwareDifference, manifestPromise } from './firmware-check.ts';
import { placeholderBuild } from './testing/placeholder-firmware.ts';

const info = { firmwareVersion: '0.1.0', flavour: 'esp-idf' };

describe('firmware on the board against what the manifest promises', () => {
  it('is silent when version and flavour match, or when the board reports no flavour or runs on the host', () => {
    expect(firmwareDifference(info, { version: '0.1.0', flavour: 'esp-idf' })).toBeUndefined();
    expect(
      firmwareDifference({ ...info, flavour: '' }, { version: '0.1.0', flavour: 'bare-metal' }),
    ).toBeUndefined();
    expect(firmwareDifference({ ...info, flavour: 'host' }, { flavour: 'esp-idf' })).toBeUndefined();
  });

  it('names another version or another flavour with FIRMWARE_DIFFERS', () => {
    expect(firmwareDifference(info, { version: '0.2.0' })?.message).toBe(
      'The board runs firmware v0.1.0 (esp-idf), not firmware v0.2.0 as this Minnow ships it.',
    );
    expect(firmwareDifference(info, { flavour: 'bare-metal' })).toMatchObject({
      id: 'FIRMWARE_DIFFERS',
      code: 544,
    });
  });

  it('promises the manifest version, and the flavour only when every build of the chip has the same', () => {
    const { manifest } = placeholderBuild(['esp32c3']);
    expect(manifestPromise(manifest, 'esp32c3')).toEqual({ version: '0.1.0', flavour: 'esp-idf' });
    expect(manifestPromise(manifest, 'esp32')).toBeUndefined();
    const b = manifest.builds[0];
    if (!b) throw new Error('no build');
    const mixed = {
      ...manifest,
      builds: [
        { ...b, chipRevision: { min: 0, max: 99 } },
        { ...b, flavour: 'bare-metal' as const, chipRevision: { min: 100, max: 200 } },
      ],
    };
    expect(manifestPromise(mixed, 'esp32c3')).toEqual({ version: '0.1.0' });
  });
});
