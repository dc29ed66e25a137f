import { describe, expect, it } from 'vitest';

import { layoutSegments } from './esp-image-layout.ts';
import { readEspImage } from './esp-image-reader.ts';
import { writeEspImage } from './esp-image-writer.ts';

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 13 + seed) & 0xff);
const CODE = { loadAddr: 0x40800000, data: bytes(0x9000, 1) };
const DATA = { loadAddr: 0x40809000, data: bytes(0x400, 2) };
const TABLE = { fileOffset: 0x8000, loadAddr: 0x4087ba10, data: bytes(0xc00, 3) };

describe('pinning bytes at a file offset inside an ESP image (the partition table at 0x8000)', () => {
  const image = writeEspImage({ chipId: 13, entry: 0x40800000, segments: [CODE, DATA], pinned: TABLE });

  it('puts the pinned bytes at exactly their file offset, in a segment loading where asked', () => {
    expect(image.subarray(0x8000, 0x8c00)).toEqual(TABLE.data);
    const read = readEspImage(image);
    const pinned = read.segments.find((s) => s.fileOffset === 0x8000)!;
    expect(pinned.loadAddr).toBe(TABLE.loadAddr);
  });

  it('splits the crossing segment into two that load the same bytes at consecutive addresses', () => {
    const read = readEspImage(image);
    expect(read.segments.map((s) => s.loadAddr)).toEqual([
      0x40800000,
      TABLE.loadAddr,
      0x40800000 + 0x7fd8,
      0x40809000,
    ]);
    const [a, , b] = read.segments;
    expect(Uint8Array.from([...a!.data, ...b!.data])).toEqual(CODE.data);
    expect(read.segments[3]!.data).toEqual(DATA.data);
  });

  it('keeps a segment whole when it ends at the pinned header or leaves room for another', () => {
    const exact = { loadAddr: 0x40800000, data: bytes(0x8000 - 8 - 0x20, 4) };
    expect(layoutSegments([exact, DATA], TABLE).map((s) => s.data.length)).toEqual([0x7fd8, 0xc00, 0x400]);
  });

  it('refuses offsets it cannot reach', () => {
    expect(() => layoutSegments([DATA], TABLE)).toThrow(/end before it/);
    expect(() => layoutSegments([CODE], { ...TABLE, fileOffset: 0x10 })).toThrow(/word offset/);
    // Ends 4 bytes before the pinned header: no room for a segment, and nothing left to split.
    const short = { loadAddr: 0x40800000, data: bytes(0x8000 - 8 - 0x20 - 4, 5) };
    expect(() => layoutSegments([short, DATA], TABLE)).toThrow(/too few for a segment/);
  });
});
