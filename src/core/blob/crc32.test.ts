import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.ts';
import { md5 } from './md5.ts';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('crc32', () => {
  it('[F-14] has the CRC-32/IEEE check value 0xCBF43926', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('[F-14] matches zlib on random data and chains like the C mn_crc32', () => {
    const data = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + (i >> 3)) & 0xff);
    expect(crc32(data)).toBe(zlib.crc32(data));
    expect(crc32(data.subarray(1234), crc32(data.subarray(0, 1234)))).toBe(zlib.crc32(data));
  });
});

describe('md5', () => {
  it('matches node:crypto for every length class around the 64-byte block', () => {
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 200, 3000]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
      const expected = createHash('md5').update(data).digest();
      expect(Buffer.from(md5(data)).toString('hex'), `length ${n}`).toBe(expected.toString('hex'));
    }
  });
});
