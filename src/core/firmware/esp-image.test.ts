import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { readEspImage } from './esp-image-reader.ts';
import { sha256 } from './esp-image-sha256.ts';
import { writeEspImage } from './esp-image-writer.ts';

const nodeSha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());

/** A two-segment ESP32-C3 image small enough to write out by hand. */
const TINY = {
  chipId: 5,
  entry: 0x40380000,
  segments: [
    { loadAddr: 0x40380000, data: new Uint8Array([0x13, 0, 0, 0, 0x6f, 0, 0, 0]) },
    { loadAddr: 0x3fc90000, data: new Uint8Array([1, 2, 3]) },
  ],
};

describe('SHA-256 of the digest an ESP image ends with', () => {
  it('matches node:crypto across the padding boundaries', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 1000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(sha256(bytes)).toEqual(nodeSha256(bytes));
    }
  });
});

describe('ESP image writer, checked against the byte layout of FACTS-C3C6 §1', () => {
  const image = writeEspImage(TINY);

  it('writes the 24-byte header field by field', () => {
    expect([...image.subarray(0, 24)]).toEqual([
      0xe9, // magic
      2, // segment count
      2, // DIO
      0x10, // 2MB (high nibble 1), 40m (low nibble 0)
      0x00,
      0x00,
      0x38,
      0x40, // entry 0x40380000 LE
      0xee, // wp_pin disabled
      0,
      0,
      0, // spi_pin_drv
      5,
      0, // chip_id ESP32-C3
      0, // legacy min_chip_rev
      0,
      0, // min_chip_rev_full
      0xff,
      0xff, // max_chip_rev_full: any revision
      0,
      0,
      0,
      0, // reserved
      1, // hash_appended
    ]);
  });

  it('writes each segment as load address, length, data, with lengths padded to 4 bytes', () => {
    expect([...image.subarray(0x18, 0x20)]).toEqual([0x00, 0x00, 0x38, 0x40, 8, 0, 0, 0]);
    expect([...image.subarray(0x20, 0x28)]).toEqual([0x13, 0, 0, 0, 0x6f, 0, 0, 0]);
    expect([...image.subarray(0x28, 0x30)]).toEqual([0x00, 0x00, 0xc9, 0x3f, 4, 0, 0, 0]);
    expect([...image.subarray(0x30, 0x34)]).toEqual([1, 2, 3, 0]);
  });

  it('puts the checksum (seed 0xEF) as the last byte of a 16-byte block, then the SHA-256 of all before it', () => {
    // Segments end at 0x34; zero padding up to 0x3F; 0xEF^0x13^0x6F^0x01^0x02^0x03 = 0x93 by hand.
    expect([...image.subarray(0x34, 0x3f)]).toEqual(Array(11).fill(0));
    expect(image[0x3f]).toBe(0x93);
    expect(image.length).toBe(0x40 + 32);
    expect(image.subarray(0x40)).toEqual(nodeSha256(image.subarray(0, 0x40)));
  });

  it('reads back what it wrote', () => {
    const read = readEspImage(image);
    expect(read).toMatchObject({
      chipId: 5,
      entry: 0x40380000,
      checksum: 0x93,
      hashAppended: true,
      size: 96,
    });
    expect(read.segments.map((s) => [s.loadAddr, s.fileOffset, s.data.length])).toEqual([
      [0x40380000, 0x20, 8],
      [0x3fc90000, 0x30, 4],
    ]);
    expect([read.minRevFull, read.maxRevFull, read.flashSizeNibble, read.flashFreqNibble]).toEqual([
      0, 0xffff, 1, 0,
    ]);
  });

  it('refuses no segments and more than 16', () => {
    expect(() => writeEspImage({ ...TINY, segments: [] })).toThrow(/E?1 to 16|0 segments/);
    const many = Array.from({ length: 17 }, (_, i) => ({
      loadAddr: 0x3fc80000 + i * 16,
      data: new Uint8Array(4),
    }));
    expect(() => writeEspImage({ ...TINY, segments: many })).toThrow(/17 segments/);
  });
});
