import { describe, expect, it } from 'vitest';
import { ElementType } from '../blob/format.ts';
import { channelLevels, packLevels, unpackLevels } from './packing.ts';

describe('F-30 weight packings', () => {
  it('int4: element 2k in the low nibble, 2k+1 in the high nibble, two’s complement', () => {
    const bytes = packLevels('int4', Int8Array.of(1, -2, 7));
    expect([...bytes]).toEqual([0xe1, 0x07]);
    expect([...unpackLevels(ElementType.INT4, bytes, 3)]).toEqual([1, -2, 7]);
    expect([...unpackLevels(ElementType.INT4, Uint8Array.of(0x8f), 2)]).toEqual([-1, -8]);
  });

  it('ternary: byte k = Σ (w + 1)·3^j, missing trailing elements count as 0', () => {
    const bytes = packLevels('ternary', Int8Array.of(1, 0, -1, 1, 1, 0));
    // 2·1 + 1·3 + 0·9 + 2·27 + 2·81 = 221; then (0 + 1) and four absent zeros: 1 + 3 + 9 + 27 + 81 = 121.
    expect([...bytes]).toEqual([221, 121]);
    expect([...unpackLevels(ElementType.TERNARY, bytes, 6)]).toEqual([1, 0, -1, 1, 1, 0]);
  });

  it('round trips every level of every packing', () => {
    const cases = [
      ['int4', ElementType.INT4, 7],
      ['ternary', ElementType.TERNARY, 1],
    ] as const;
    for (const [packing, type, top] of cases) {
      const levels = Int8Array.from({ length: 101 }, (_, i) => (i % (2 * top + 1)) - top);
      expect([...unpackLevels(type, packLevels(packing, levels), 101)]).toEqual([...levels]);
    }
  });

  it('F-75: ternary keeps weights above 0.7·mean|w| with the mean kept magnitude as the scale', () => {
    const w = Float32Array.of(0.3, -0.3, 0, 0.01, 2, -2, 2, 0); // channels alternate 0, 1
    const { levels, scales } = channelLevels('ternary', w, 2, (i) => i % 2);
    // channel 0: 0.3, 0, 2, 2 (mean 1.075, threshold 0.7525) keeps the 2s; channel 1: −0.3, 0.01, −2, 0.
    expect([...levels]).toEqual([0, 0, 0, 0, 1, -1, 1, 0]);
    expect(scales[0]).toBeCloseTo(2);
    expect(scales[1]).toBeCloseTo(2);
  });

  it('F-75: int4 levels are round(w / (max|w| / 7)) in [−7, 7]', () => {
    const { levels, scales } = channelLevels('int4', Float32Array.of(0.7, -0.36, 0.04), 1, () => 0);
    expect(scales[0]).toBeCloseTo(0.1);
    expect([...levels]).toEqual([7, -4, 0]);
  });
});
