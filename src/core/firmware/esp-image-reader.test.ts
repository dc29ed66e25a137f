import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { isMinnowError } from '../errors.ts';
import { checkEspImage, readEspImage } from './esp-image-reader.ts';
import { writeEspImage, type EspImageSegmentSpec } from './esp-image-writer.ts';

const C3_CODE = 0x40380000;
const words = (n: number) => Uint8Array.from({ length: n * 4 }, (_, i) => (i * 7 + 1) & 0xff);
const c3 = (segments: EspImageSegmentSpec[], entry = C3_CODE) =>
  writeEspImage({ chipId: 5, entry, segments });
const GOOD = c3([
  { loadAddr: C3_CODE, data: words(8) },
  { loadAddr: 0x3fc90000, data: words(3) },
]);

/** The coded error `fn` throws, or undefined. */
function codeOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    if (isMinnowError(e)) return e.code;
    throw e;
  }
  return undefined;
}

describe('ESP image reader refuses garbage with a coded error', () => {
  it('accepts the good image for its chip', () => {
    expect(checkEspImage(GOOD, 'esp32c3').segments).toHaveLength(2);
  });

  it('refuses every truncation', () => {
    for (let n = 0; n < GOOD.length; n++) expect(codeOf(() => readEspImage(GOOD.subarray(0, n)))).toBe(550);
  });

  it('refuses a flip of any single byte (checksum or SHA-256 or structure catch it)', () => {
    for (let at = 0; at < GOOD.length; at++) {
      const bad = GOOD.slice();
      bad[at] = bad[at]! ^ 0x20;
      expect(
        codeOf(() => readEspImage(bad)),
        `byte ${at}`,
      ).toBe(550);
    }
  });

  it('refuses trailing bytes, a wrong magic, 0 or 17 segments and a length not a multiple of 4', () => {
    expect(codeOf(() => readEspImage(Uint8Array.from([...GOOD, 0xff])))).toBe(550);
    for (const [at, value, detail] of [
      [0, 0xe8, /magic/],
      [1, 0, /0 segments/],
      [1, 17, /17 segments/],
      [0x1c, 6, /multiple of 4/],
    ] as const) {
      const bad = GOOD.slice();
      bad[at] = value;
      expect(() => readEspImage(bad)).toThrow(detail);
    }
  });

  it('refuses an image for another chip (chip id at byte 12)', () => {
    expect(codeOf(() => checkEspImage(GOOD, 'esp32c6'))).toBe(551);
    expect(() => checkEspImage(GOOD, 'esp32c6')).toThrow(/chip id 5, but esp32c6 has chip id 13/);
  });

  it('refuses a segment in the ROM stack, outside SRAM, or over another segment through the I/D alias', () => {
    const inStack = c3([
      { loadAddr: C3_CODE, data: words(4) },
      { loadAddr: 0x3fcdd000, data: words(4) },
    ]);
    expect(() => checkEspImage(inStack, 'esp32c3')).toThrow(/ROM's stack/);
    const inRom = c3([
      { loadAddr: C3_CODE, data: words(4) },
      { loadAddr: 0x40000000, data: words(4) },
    ]);
    expect(codeOf(() => checkEspImage(inRom, 'esp32c3'))).toBe(552);
    // 0x3FC80010 on the data bus is the same SRAM as 0x40380010 on the instruction bus (offset 0x700000).
    const aliased = c3([
      { loadAddr: C3_CODE, data: words(8) },
      { loadAddr: 0x3fc80010, data: words(4) },
    ]);
    expect(() => checkEspImage(aliased, 'esp32c3')).toThrow(/over the same RAM as segment 0/);
    const crossing = c3([{ loadAddr: 0x403dc700, data: words(8) }], 0x403dc700);
    expect(codeOf(() => checkEspImage(crossing, 'esp32c3'))).toBe(552);
  });

  it('refuses an entry point outside the executable segments', () => {
    const dataEntry = c3(
      [
        { loadAddr: C3_CODE, data: words(4) },
        { loadAddr: 0x3fc90000, data: words(4) },
      ],
      0x3fc90000,
    );
    expect(() => checkEspImage(dataEntry, 'esp32c3')).toThrow(/entry point 0x3fc90000/);
  });

  it('names no chip it has no facts for', () => {
    expect(() => checkEspImage(GOOD, 'esp32')).toThrow(/no ESP image facts/);
  });
});

describe('the shipped bare-metal images pass the checks the app runs before flashing', () => {
  const firmware = join(import.meta.dirname, '../../../public/firmware');
  for (const [chip, chipId] of [
    ['esp32c3', 5],
    ['esp32c6', 13],
  ] as const) {
    it(chip, () => {
      const image = checkEspImage(readFileSync(join(firmware, chip, 'minnow.bin')), chip);
      expect(image).toMatchObject({
        chipId,
        hashAppended: true,
        spiMode: 2,
        minRevFull: 0,
        maxRevFull: 0xffff,
      });
    });
  }
});
