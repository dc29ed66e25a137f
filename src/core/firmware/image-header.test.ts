import { describe, expect, it } from 'vitest';
import { IMAGE_CHIP_IDS, imageChipName, readImageHeader } from './image-header.ts';

/** A header written byte by byte from FACTS-C3C6 §1.1, not with any project code. */
function header(chipId: number, sizeNibble = 1, mode = 2): Uint8Array {
  const h = new Uint8Array(24);
  h.set([0xe9, 3, mode, (sizeNibble << 4) | 0xf, 0, 0, 0x38, 0x40, 0xee, 0, 0, 0]);
  h.set([chipId & 0xff, chipId >> 8, 0, 0x2c, 0x01, 0xff, 0xff], 12);
  return h;
}

describe('ESP image header', () => {
  it('[M-17] reads chip id, flash mode, flash size and revision bounds', () => {
    expect(readImageHeader(header(5))).toEqual({
      chipId: 5,
      chip: 'esp32c3',
      flashMode: 'dio',
      flashSize: '2MB',
      minRevision: 300,
      maxRevision: 0xffff,
    });
  });

  // esp_chip_id_t of ESP-IDF v5.5.1 esp_app_format.h, and esptool-js 0.7's IMAGE_CHIP_ID per target.
  it.each([
    ['esp32', 0],
    ['esp32s2', 2],
    ['esp32c3', 5],
    ['esp32s3', 9],
    ['esp32c6', 13],
    ['esp32h2', 16],
    ['esp32p4', 18],
  ])('[M-17] maps %s to image chip id %i', (chip, id) => {
    expect(IMAGE_CHIP_IDS[chip]).toBe(id);
    const h = readImageHeader(header(id));
    expect(typeof h === 'object' && h.chip).toBe(chip);
  });

  it('reads a header at an offset, as in a merged image', () => {
    const merged = new Uint8Array(0x2000 + 24);
    merged.set(header(18), 0x2000);
    const h = readImageHeader(merged, 0x2000);
    expect(typeof h === 'object' && imageChipName(h)).toBe('ESP32-P4');
  });

  it.each([
    ['nothing', new Uint8Array(0), /0 bytes/],
    ['a short file', new Uint8Array(23).fill(0xe9), /23 bytes/],
    ['erased flash', new Uint8Array(64).fill(0xff), /magic byte 0xE9 .*0xff/],
    ['text', new TextEncoder().encode('{"flash_files": {}, "padding": "............."}'), /0x7b/],
  ])('[M-17] finds no header in %s', (_, data, reason) => {
    expect(readImageHeader(data)).toMatch(reason);
  });

  it('names an unknown chip id by number, and leaves unknown modes and sizes undefined', () => {
    const h = readImageHeader(header(99, 0xf, 9));
    expect(typeof h === 'object' && [imageChipName(h), h.flashMode, h.flashSize]).toEqual([
      'chip id 99',
      undefined,
      undefined,
    ]);
  });
});
