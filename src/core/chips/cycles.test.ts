import { describe, expect, it } from 'vitest';
import { getChip } from './catalog.ts';
import { MAC_KINDS } from './types.ts';

// Person detection (esp-tflite-micro README, FACTS §A): 7.2 M MACs; latency with ESP-NN and with the
// reference kernels. Minnow's measured kernels (kernel-costs.ts) should land near ESP-NN's portable C,
// taken to spend 5 instructions per MAC (cycles.ts): with Minnow's conv2d at 4.25 and depthwise at 5.0 that
// is about 15 % faster, so a fifth faster at most; and far below the reference kernels on every chip.
const PUBLISHED: [string, number, number][] = [
  ['esp32', 380, 4084],
  ['esp32s3', 54, 2300],
  ['esp32c3', 426, 3355],
];
// MobileNet v1 0.25 spends most MACs in pointwise (conv2d) layers; depthwise takes about a tenth.
const MIX = { conv2d: 0.9, depthwise: 0.1 };

describe('interpreter cycle estimates', () => {
  it.each(PUBLISHED)(
    '%s: person detection lands near the ESP-NN latency (%d ms), far below the reference (%d ms)',
    (id, fast, slow) => {
      const chip = getChip(id);
      const cyclesPerMac =
        MIX.conv2d * chip.cycles.perMac.conv2d.value + MIX.depthwise * chip.cycles.perMac.depthwise.value;
      const ms = (7.2e6 * cyclesPerMac) / (chip.clockMhz.value * 1000);
      expect(ms).toBeGreaterThanOrEqual(0.8 * fast);
      expect(ms).toBeLessThan(slow / 3);
    },
  );

  it('marks every cycle figure an estimate and explains its derivation', () => {
    const c3 = getChip('esp32c3');
    for (const kind of MAC_KINDS) {
      expect(c3.cycles.perMac[kind].estimate).toMatch(
        /RV32 instructions per MAC \(.+\) × [\d.]+ cycles each/,
      );
    }
    expect(c3.cycles.perMac.depthwise.estimate).toMatch(/bench:firmware row "DepthwiseConv2D/);
    expect(c3.cycles.perPackedMac.int4.estimate).toMatch(/char-LM rows "example-char-lm-int4" less/);
    expect(c3.cycles.perElement.elementwise.value).toBeGreaterThan(c3.cycles.perElement.pool.value);
    expect(c3.cycles.perStep.value).toBeGreaterThan(100);
  });

  it('costs a depthwise MAC more than a dense one: its per-output work is spread over fewer MACs', () => {
    for (const id of ['esp32', 'esp32c3', 'nrf52840']) {
      const { perMac } = getChip(id).cycles;
      expect(perMac.depthwise.value).toBeGreaterThan(perMac.dense.value);
    }
  });
});
