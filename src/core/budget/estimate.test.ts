import { describe, expect, it } from 'vitest';
import { getChip } from '../chips/catalog.ts';
import { measuredChip } from '../chips/measured.ts';
import { parseManifest, type FirmwareBuild } from '../firmware/manifest.ts';
import {
  FIRMWARE_FLASH_ESTIMATE,
  FIRMWARE_RUNTIME_BYTES,
  INTERPRETER_FIXED_BYTES,
  PER_STEP_BYTES,
  PER_TENSOR_BYTES,
} from './constants.ts';
import { estimateBudget } from './estimate.ts';
import type { BudgetInput } from './types.ts';

const KB = 1024;
const MB = 1024 * KB;

// The 784-100-10 MLP, counted by hand: int8 kernels 784·100 + 100·10, int32 biases (100 + 10)·4; the arena
// peaks at step 0 with the 784-byte input and the 100-byte hidden tensor live; 256 B of blob header/tables.
const weights = 784 * 100 + 100 * 10 + (100 + 10) * 4;
const mlp: BudgetInput = {
  arenaBytes: 784 + 100,
  ioBytes: 784 + 10,
  tensorCount: 3,
  stepCount: 3,
  weightsBytes: weights,
  blobBytes: weights + 256,
  macsByKind: { dense: 784 * 100 + 100 * 10 },
  elementsByKind: { elementwise: 10 },
};

const withArena = (arenaBytes: number): BudgetInput => ({ ...mlp, arenaBytes });
const withBlob = (blobBytes: number): BudgetInput => ({ ...mlp, weightsBytes: blobBytes - 256, blobBytes });

describe('estimateBudget', () => {
  it('fits the 784-100-10 MLP on an ESP32, its weights counted in flash and not in RAM', () => {
    const b = estimateBudget(mlp, getChip('esp32'));
    expect(b.verdict).toBe('fits');
    const interpreter = INTERPRETER_FIXED_BYTES + 3 * PER_TENSOR_BYTES + 3 * PER_STEP_BYTES;
    expect(b.ram.parts).toEqual({ arena: 884, interpreter, io: 794 });
    expect(b.ram.needBytes).toBe(884 + interpreter + 794);
    expect(b.ram.needBytes).toBeLessThan(weights / 10);
    expect(b.ram.availableBytes).toBe(95 * KB - FIRMWARE_RUNTIME_BYTES);
    expect(b.ram.reservedBytes).toBe(FIRMWARE_RUNTIME_BYTES);
    // float32 weights in RAM (4 · 79,400 B) would not fit the 95 KB block at all.
    expect(4 * (784 * 100 + 100 * 10)).toBeGreaterThan(95 * KB);
    expect(b.flash.parts).toEqual({
      firmware: 0x10000 + FIRMWARE_FLASH_ESTIMATE['xtensa-lx6'],
      model: weights + 256,
    });
    expect(b.flash.needBytes).toBe(0x10000 + 240 * KB + weights + 256);
    expect(b.flash.availableBytes).toBe(4 * MB);
    expect(b.flash.partitionBytes).toBe(MB);
    expect(b.flash.firmwareIsEstimate).toBe(true);
    expect(b.reasons.join(' ')).toMatch(/weights \(78 KB\) stay in flash/);
  });

  it('estimates latency as Σ MACs × cycles/MAC per kind + per-step cost, over the clock', () => {
    const chip = getChip('esp32');
    const b = estimateBudget(mlp, chip);
    const { perMac, perElement, perStep } = chip.cycles;
    const cycles = 79_400 * perMac.dense.value + 10 * perElement.elementwise.value + 3 * perStep.value;
    expect(b.latencyMs).toBeCloseTo(cycles / 240_000, 9);
    // 4.11 measured instructions per dense MAC at 380·240000 / 7.2e6 / 5 = 2.53 cycles each (ESP-NN's ESP32
    // rate, 5 instructions a MAC) is 10.4 cycles a MAC: 79,400 MACs take about 3.45 ms.
    expect(b.latencyMs).toBeGreaterThan(3.3);
    expect(b.latencyMs).toBeLessThan(3.6);
    expect(b.latencyIsEstimate).toBe(true);
  });

  it('adds the unpacking cost of int4 weights, per packed MAC, to their kind’s cost', () => {
    // The catalog's int4 extra is 0 since the kernels unpack in their inner loops: give it one to see.
    const c3 = getChip('esp32c3');
    const { perPackedMac } = c3.cycles;
    const int4 = { ...perPackedMac.int4, value: 2.5 };
    const chip = { ...c3, cycles: { ...c3.cycles, perPackedMac: { ...perPackedMac, int4 } } };
    const packed = estimateBudget({ ...mlp, packedMacs: { int4: 78_400 } }, chip);
    const extra = (78_400 * 2.5) / (chip.clockMhz.value * 1000);
    expect(extra).toBeGreaterThan(0.1);
    expect(packed.latencyMs - estimateBudget(mlp, chip).latencyMs).toBeCloseTo(extra, 9);
  });

  it('says too-big-ram when no PSRAM board of the family would hold it, in plain words', () => {
    const b = estimateBudget(withArena(300 * KB), getChip('esp32c3'));
    expect(b.verdict).toBe('too-big-ram');
    expect(b.ram.fits).toBe(false);
    expect(b.reasons[0]).toBe(
      'The arena needs 300 KB (301 KB with interpreter state and I/O buffers) but the largest free block on ' +
        "ESP32-C3 is about 226 KB, after 14 KB for the firmware's own task and buffers.",
    );
  });

  it('says needs-psram and names the variant when a PSRAM board of the family would hold it', () => {
    const esp32 = estimateBudget(withArena(200 * KB), getChip('esp32'));
    expect(esp32.verdict).toBe('needs-psram');
    expect(esp32.psramVariant?.name).toMatch(/WROVER/);
    const s3 = estimateBudget(withArena(400 * KB), getChip('esp32s3'));
    expect(s3.verdict).toBe('needs-psram');
    expect(s3.psramVariant).toEqual({ name: expect.stringContaining('octal PSRAM'), chipId: 'esp32s3-r8' });
    expect(s3.reasons[1]).toMatch(/chip "esp32s3-r8"/);
  });

  it('places the arena in PSRAM on a chip that has it', () => {
    const b = estimateBudget(withArena(400 * KB), getChip('esp32s3-r8'));
    expect(b.verdict).toBe('fits');
    expect(b.ram.placement).toBe('psram');
    expect(b.ram.availableBytes).toBe(8_257_536);
    expect(estimateBudget(mlp, getChip('esp32s3-r8')).ram.placement).toBe('internal');
  });

  it('says too-big-flash when the blob outgrows the model partition, and notes the room left in flash', () => {
    const b = estimateBudget(withBlob(1536 * KB), getChip('esp32'));
    expect(b.verdict).toBe('too-big-flash');
    expect(b.ram.fits).toBe(true);
    expect(b.reasons[0]).toBe(
      'The model blob needs 1.50 MB but the model partition on ESP32 holds 1.00 MB. ' +
        'The flash has room for a model partition of up to 3.00 MB.',
    );
  });

  it('says too-big-flash on a 2 MB ESP32-H2 whose model partition already ends the flash', () => {
    const b = estimateBudget(withBlob(1200 * KB), getChip('esp32h2'));
    expect(b.verdict).toBe('too-big-flash');
    expect(b.flash.partitionBytes).toBe(0x100000);
    expect(b.reasons[0]).not.toMatch(/room/);
  });

  it('says too-big-flash when firmware and model exceed an export-only chip’s flash', () => {
    const nrf = getChip('nrf52840');
    const fits = estimateBudget(withBlob(900 * KB), nrf);
    expect(fits.flash.partitionBytes).toBeNull();
    expect(fits.flash.needBytes).toBe(64 * KB + 900 * KB);
    expect(fits.verdict).toBe('fits');
    expect(fits.reasons.at(-1)).toMatch(/export the model as C/);
    const big = estimateBudget(withBlob(1000 * KB), nrf);
    expect(big.verdict).toBe('too-big-flash');
    expect(big.reasons[0]).toMatch(/need 1\.04 MB but nRF52840 has 1\.00 MB of flash/);
  });

  it('reports RAM first when both RAM and flash fail, with both reasons', () => {
    const b = estimateBudget({ ...withBlob(4 * MB), arenaBytes: 400 * KB }, getChip('esp32c3'));
    expect(b.verdict).toBe('too-big-ram');
    expect(b.reasons.slice(0, 3).join(' ')).toMatch(/arena needs .* model blob needs .* of flash/);
  });

  it('uses the manifest build: its app size and model partition, not the estimates', () => {
    const sha = '0'.repeat(64);
    const manifest = parseManifest({
      format: 'minnow-firmware-manifest',
      version: 1,
      firmwareVersion: '0.1.0',
      protocolVersion: 1,
      blobVersions: [1],
      builds: [
        {
          chip: 'esp32c3',
          idfVersion: 'v5.3.1',
          flashMode: 'dio',
          flashFreq: '80m',
          flashSize: '4MB',
          appBytes: 150_000,
          files: [
            { role: 'bootloader', offset: 0, path: 'c3/b.bin', size: 20_000, sha256: sha },
            { role: 'partition-table', offset: 0x8000, path: 'c3/p.bin', size: 3072, sha256: sha },
            { role: 'app', offset: 0x20000, path: 'c3/a.bin', size: 150_000, sha256: sha },
          ],
          modelPartition: { offset: 0x200000, size: 0x80000 },
        },
      ],
    });
    const build = manifest.builds[0] as FirmwareBuild;
    const b = estimateBudget(mlp, getChip('esp32c3'), build);
    expect(b.flash.parts.firmware).toBe(0x20000 + 150_000);
    expect(b.flash.partitionBytes).toBe(0x80000);
    expect(b.flash.firmwareIsEstimate).toBe(false);
    expect(() => estimateBudget(mlp, getChip('esp32'), build)).toThrow(
      expect.objectContaining({ id: 'FIRMWARE_CHIP_MISMATCH' }),
    );
  });

  it('prefers a connected board’s figures and reserves nothing more for the running firmware', () => {
    const board = measuredChip(getChip('esp32c3'), {
      freeHeapBytes: 300_000,
      largestFreeBlockBytes: 120 * KB,
    });
    const b = estimateBudget(withArena(119 * KB), board);
    expect(b.ram.availableBytes).toBe(120 * KB);
    expect(b.ram.reservedBytes).toBe(0);
    expect(b.ram.availableIsEstimate).toBe(false);
    expect(b.verdict).toBe('too-big-ram');
    expect(b.reasons[0]).toMatch(/largest free block on ESP32-C3 is 120 KB\.$/);
  });

  it.each<[string, unknown]>([
    ['a negative arena', withArena(-1)],
    ['a fractional count', { ...mlp, tensorCount: 2.5 }],
    ['NaN', { ...mlp, blobBytes: Number.NaN }],
    ['a string', { ...mlp, ioBytes: '794' }],
    ['weights larger than the blob', { ...mlp, weightsBytes: mlp.blobBytes + 1 }],
    ['an unknown MAC kind', { ...mlp, macsByKind: { lstm: 5 } }],
    ['a negative element count', { ...mlp, elementsByKind: { pool: -3 } }],
    ['an unknown packing', { ...mlp, packedMacs: { int2: 5 } }],
    ['a fractional packed MAC count', { ...mlp, packedMacs: { int4: 1.5 } }],
    ['no table', { ...mlp, macsByKind: null }],
    ['nothing', null],
  ])('rejects %s with BUDGET_INPUT_INVALID', (_, input) => {
    expect(() => estimateBudget(input as BudgetInput, getChip('esp32'))).toThrow(
      expect.objectContaining({ id: 'BUDGET_INPUT_INVALID', code: 223 }),
    );
  });
});
