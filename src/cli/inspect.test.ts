import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-io.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const big = {
  format: 'minnow-model',
  version: 1,
  name: 'big',
  input: { shape: [784] },
  layers: [
    { id: 'fc1', type: 'Dense', units: 1000, activation: 'relu' },
    { id: 'fc2', type: 'Dense', units: 1000, activation: 'relu' },
    { id: 'out', type: 'Dense', units: 10, activation: 'softmax' },
  ],
};

describe('minnow inspect', () => {
  it('reports the 784-100-10 MLP on esp32 as DESIGN §3.2 says, weights in flash', async () => {
    const { code, out } = await runCli([
      'inspect',
      join(EXAMPLES, 'mnist-mlp.json'),
      '--chip',
      'esp32',
      '--json',
    ]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    // 784·100 + 100 and 100·10 + 10, by hand.
    expect(r.params).toBe(79_510);
    expect(r.macs).toBe(79_400);
    expect(r.verdict).toBe('fits');
    expect(r.layers.map((l: { id: string }) => l.id)).toEqual(['flat', 'fc1', 'out']);
    expect(r.layers[1]).toMatchObject({ type: 'Dense', outputShape: [100], params: 78_500, macs: 78_400 });
    // int8 weights and int32 biases: 79,400 + 4·110.
    expect(r.memory.weightsBytes).toBe(79_840);
    expect(r.memory.blobBytes).toBeGreaterThanOrEqual(r.memory.weightsBytes);
    expect(r.memory.arenaBytes).toBeLessThanOrEqual(r.memory.lowerBoundBytes);
    expect(r.chip.id).toBe('esp32');
    expect(r.chip.flash.needBytes).toBeGreaterThanOrEqual(r.memory.blobBytes);
    // The weights cost no RAM: the whole RAM need is a small fraction of them.
    expect(r.chip.ram.needBytes).toBeLessThan(r.memory.weightsBytes / 10);
    expect(r.chip.ram.needBytes).toBe(
      r.chip.ram.parts.arena + r.chip.ram.parts.interpreter + r.chip.ram.parts.io,
    );
    for (const key of ['needBytes', 'availableBytes', 'fits']) {
      expect(r.chip.ram).toHaveProperty(key);
      expect(r.chip.flash).toHaveProperty(key);
    }
    expect(typeof r.chip.latencyMs).toBe('number');
  });

  it('exits 1 with suggestions when a model does not fit the chosen chip', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'minnow-')), 'big.json');
    writeFileSync(file, JSON.stringify(big));
    const { code, out } = await runCli(['inspect', file, '--chip', 'esp32h2']);
    expect(code).toBe(1);
    expect(out).toContain('too-big-flash');
    expect(out).toMatch(/Reduce fc1 units from 1000 to \d+/);
    const json = await runCli(['inspect', file, '--chip', 'esp32h2', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).verdict).toBe('too-big-flash');
  });

  it('exits 0 without --chip and reports no verdict', async () => {
    const { code, out } = await runCli(['inspect', join(EXAMPLES, 'lenet.json'), '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.verdict).toBeUndefined();
    expect(r.params).toBe(61_706);
  });

  it('refuses an unknown chip, a missing file and bad usage with exit 2', async () => {
    const model = join(EXAMPLES, 'sine.json');
    const unknown = await runCli(['inspect', model, '--chip', 'esp8266']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('E201');
    const missing = await runCli(['inspect', join(EXAMPLES, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.json');
    expect((await runCli(['inspect'])).code).toBe(2);
    expect((await runCli(['inspect', model, '--colour'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });
});

describe('minnow chips', () => {
  it('lists every catalog chip, and the JSON carries a source or an estimate for each figure', async () => {
    const text = await runCli(['chips']);
    expect(text.code).toBe(0);
    for (const id of [
      'esp32',
      'esp32s2',
      'esp32s3',
      'esp32c3',
      'esp32c6',
      'esp32h2',
      'esp32p4',
      'nrf52840',
    ]) {
      expect(text.out).toMatch(new RegExp(`^${id}\\s`, 'm'));
    }
    const json = JSON.parse((await runCli(['chips', '--json'])).out) as { arenaBytes: object }[];
    for (const chip of json)
      expect(Object.keys(chip.arenaBytes).some((k) => k === 'source' || k === 'estimate')).toBe(true);
  });
});
