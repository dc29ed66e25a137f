import { describe, expect, it } from 'vitest';
import { chipIdFromName, chipLabel, firmwareChip, sameChip } from './chip-names.ts';
import { describePort } from './usb-bridges.ts';

describe('describePort', () => {
  it('names the USB-serial chip from its VID:PID and gives its driver hint', () => {
    expect(describePort({ usbVendorId: 0x1a86, usbProductId: 0x7523 })).toMatchObject({
      ids: '0x1a86:0x7523',
      bridge: 'WCH CH340',
      nativeUsb: false,
    });
    expect(describePort({ usbVendorId: 0x10c4, usbProductId: 0xea60 }).driverHint).toMatch(/CP210x/);
    expect(describePort({ usbVendorId: 0x303a, usbProductId: 0x1001 })).toMatchObject({
      nativeUsb: true,
      driverHint: expect.stringMatching(/No driver/),
    });
    expect(describePort({ usbVendorId: 0x1234, usbProductId: 1 }).bridge).toBe('unknown USB-serial chip');
    expect(describePort({}).ids).toBe('no USB ids');
  });
});

describe('chip names', () => {
  it('maps esptool-js names to target ids and back, variants included', () => {
    expect(['ESP32', 'ESP32-C3', 'ESP32-S3', 'ESP32-C61'].map(chipIdFromName)).toEqual([
      'esp32',
      'esp32c3',
      'esp32s3',
      'esp32c61',
    ]);
    expect(chipLabel('esp32c3')).toBe('ESP32-C3');
    expect(chipLabel('esp32')).toBe('ESP32');
    expect(chipLabel('esp32s3-r8')).toBe('ESP32-S3 (R8)');
    expect(sameChip('esp32s3-r8', 'esp32s3')).toBe(true);
    expect(sameChip('esp32', 'esp32s3')).toBe(false);
    expect(firmwareChip('esp32s3-r8')).toBe('esp32s3');
  });
});
