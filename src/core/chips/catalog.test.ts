import { describe, expect, it } from 'vitest';
import { MinnowError } from '../errors.ts';
import { CHIPS, chipIds, getChip } from './catalog.ts';
import { espLayout } from './layout.ts';
import type { Figure } from './types.ts';

/** Every {value} object anywhere in a chip entry, with its path. */
function figures(node: unknown, path = ''): [string, Figure][] {
  if (typeof node !== 'object' || node === null) return [];
  if ('value' in node) return [[path, node as Figure]];
  return Object.entries(node).flatMap(([k, v]) => figures(v, `${path}.${k}`));
}

const firmwareChips = CHIPS.filter((c) => !c.exportOnly);

describe('chip catalog', () => {
  it('has the ESP-IDF targets, the S3 PSRAM variant and three export-only targets', () => {
    expect(chipIds()).toEqual([
      'esp32',
      'esp32s2',
      'esp32s3',
      'esp32s3-r8',
      'esp32c3',
      'esp32c6',
      'esp32h2',
      'esp32p4',
      'nrf52840',
      'rp2040',
      'stm32f746',
    ]);
    expect(CHIPS.filter((c) => c.exportOnly).map((c) => c.id)).toEqual(['nrf52840', 'rp2040', 'stm32f746']);
  });

  it.each(CHIPS.map((c) => [c.id, c] as const))(
    '%s: every figure names a source or says why it is an estimate',
    (_, chip) => {
      const all = figures(chip);
      expect(all.length).toBeGreaterThanOrEqual(13);
      for (const [path, f] of all) {
        expect(Number.isFinite(f.value) && f.value >= 0, path).toBe(true);
        const labels = [f.source, f.estimate].filter((s) => s !== undefined);
        expect(labels, path).toHaveLength(1);
        expect(labels[0]?.length ?? 0, path).toBeGreaterThan(10);
      }
    },
  );

  it.each(CHIPS.map((c) => [c.id, c] as const))('%s: largest block <= free heap <= SRAM', (_, chip) => {
    expect(chip.arenaBytes.value).toBeGreaterThan(0);
    expect(chip.arenaBytes.value).toBeLessThanOrEqual(chip.freeHeapBytes.value);
    expect(chip.freeHeapBytes.value).toBeLessThanOrEqual(chip.sramBytes.value);
    if (chip.psram) expect(chip.psram.arenaBytes.value).toBeLessThanOrEqual(chip.psram.bytes.value);
  });

  it('uses the measured ~95 KB largest block on the original ESP32, far below its free heap', () => {
    const esp32 = getChip('esp32');
    expect(esp32.arenaBytes.value).toBe(95 * 1024);
    expect(esp32.arenaBytes.source).toContain('37628');
    expect(esp32.freeHeapBytes.value).toBe(298_968);
  });

  it('writes the bootloader where the ROM looks for it (FACTS §B.1)', () => {
    const expected: Record<string, number> = { esp32: 0x1000, esp32s2: 0x1000, esp32p4: 0x2000 };
    for (const chip of firmwareChips) {
      expect(chip.bootloaderOffset?.value, chip.id).toBe(expected[chip.id] ?? 0);
    }
    for (const chip of CHIPS.filter((c) => c.exportOnly)) {
      expect(chip.bootloaderOffset).toBeUndefined();
      expect(chip.modelPartition).toBeUndefined();
    }
  });

  it.each(firmwareChips.map((c) => [c.id, c] as const))(
    '%s: partitions are aligned and inside flash',
    (_, chip) => {
      const app = chip.appPartition;
      const model = chip.modelPartition;
      if (!app || !model) throw new Error('an ESP target needs a partition layout');
      // The partition table sits in the 4 KB sector at 0x8000; apps align to 64 KB, data to 4 KB.
      expect(chip.bootloaderOffset?.value ?? 0).toBeLessThan(0x8000);
      expect(app.offset.value).toBeGreaterThanOrEqual(0x9000);
      expect(app.offset.value % 0x10000).toBe(0);
      expect(model.offset.value % 0x1000).toBe(0);
      expect(model.size.value % 0x1000).toBe(0);
      expect(model.size.value).toBeGreaterThan(0);
      expect(app.offset.value + app.size.value).toBeLessThanOrEqual(model.offset.value);
      expect(model.offset.value + model.size.value).toBeLessThanOrEqual(chip.flashBytes.value);
    },
  );

  it.each(firmwareChips.map((c) => [c.id, c] as const))(
    '%s: gets the fixed 2 MB layout (app 0x10000/0xF0000, model 0x100000/1 MB) and its flash holds it',
    (_, chip) => {
      expect(chip.appPartition?.offset.value).toBe(0x10000);
      expect(chip.appPartition?.size.value).toBe(0xf0000);
      expect(chip.modelPartition?.offset.value).toBe(0x100000);
      expect(chip.modelPartition?.size.value).toBe(0x100000);
      // 0x100000 + 0x100000 = 2 MB: the smallest flash any catalog module carries (ESP32-H2, 2 MB).
      expect(chip.flashBytes.value).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    },
  );

  it('refuses to lay out a flash smaller than 2 MB', () => {
    expect(() => espLayout(1024 * 1024, 0)).toThrow(/1 MB flash/);
  });

  it('points PSRAM-less chips at a PSRAM variant that exists and holds more', () => {
    const s3 = getChip('esp32s3');
    expect(s3.psram).toBeUndefined();
    expect(s3.psramVariant?.chipId).toBe('esp32s3-r8');
    const r8 = getChip('esp32s3-r8');
    expect(r8.psram?.arenaAllowed).toBe(true);
    expect(r8.psram?.arenaBytes.value).toBe(s3.psramVariant?.arenaBytes.value);
    for (const chip of CHIPS) {
      if (!chip.psramVariant) continue;
      expect(chip.psramVariant.arenaBytes.value, chip.id).toBeGreaterThan(chip.arenaBytes.value);
      if (chip.psramVariant.chipId) expect(getChip(chip.psramVariant.chipId).psram, chip.id).toBeDefined();
    }
    expect(getChip('esp32').psramVariant?.name).toMatch(/WROVER/);
  });

  it('throws UNKNOWN_CHIP naming the known ids and the nearest one', () => {
    let error: unknown;
    try {
      getChip('esp32-c3');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MinnowError);
    const e = error as MinnowError;
    expect(e.id).toBe('UNKNOWN_CHIP');
    expect(e.code).toBe(201);
    expect(e.message).toContain('esp32-c3');
    expect(e.hint).toContain('Did you mean "esp32c3"?');
    expect(e.hint).toContain('esp32, esp32s2, esp32s3, esp32s3-r8');
    expect(() => getChip('')).toThrow(MinnowError);
    expect(() => getChip('zzzzzzzzzz')).toThrow(/Unknown chip/);
  });
});
