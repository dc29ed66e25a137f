import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseProjectText, serializeProject } from '../state/project-file.ts';
import { runCli } from './test-io.ts';

// Names JavaScript objects already answer to: as layer ids they must be keys like any other.
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'] as const;
const SAFE = ['l0', 'l1', 'l2', 'l3', 'l4'] as const;

const dir = mkdtempSync(join(tmpdir(), 'minnow-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Dense, Dense packed int4, Dropout (no weights), BatchNormalization, Dense: every kind of per-layer map. */
function model(ids: readonly string[]) {
  const [a, b, c, d, e] = ids;
  return {
    format: 'minnow-model',
    version: 1,
    name: 'names',
    input: { shape: [6] },
    layers: [
      { id: a, type: 'Dense', units: 5, activation: 'relu' },
      { id: b, type: 'Dense', units: 4, activation: 'relu', packing: 'int4' },
      { id: c, type: 'Dropout', rate: 0.1 },
      { id: d, type: 'BatchNormalization' },
      { id: e, type: 'Dense', units: 3 },
    ],
  };
}

async function compileAndRun(ids: readonly string[], tag: string): Promise<Buffer> {
  const json = join(dir, `${tag}.json`);
  writeFileSync(json, JSON.stringify(model(ids)));
  const blob = join(dir, `${tag}.bin`);
  const compiled = await runCli(['compile', json, '--random-weights', '--seed', '7', '-o', blob]);
  expect(compiled.err).toBe('');
  expect(compiled.code).toBe(0);
  const input = join(dir, 'in.bin');
  writeFileSync(input, Int8Array.from([-100, -50, 0, 30, 90, 127]));
  const out = join(dir, `${tag}.out`);
  const ran = await runCli(['run', blob, '--input', input, '-o', out]);
  expect(ran.err).toBe('');
  expect(ran.code).toBe(0);
  return readFileSync(out);
}

describe('layer ids that are names of JavaScript object members', () => {
  it('compile and run treat them as plain names: the same output as the model with other ids', async () => {
    const reserved = await compileAndRun(NAMES, 'reserved');
    const plain = await compileAndRun(SAFE, 'plain');
    expect(reserved.length).toBe(3);
    expect([...reserved]).toEqual([...plain]);
  });

  it('inspect lists every one of them with its parameters', async () => {
    const json = join(dir, 'inspect.json');
    writeFileSync(json, JSON.stringify(model(NAMES)));
    const { code, out } = await runCli(['inspect', json, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { layers: { id: string; params: number }[] };
    expect(report.layers.map((l) => [l.id, l.params])).toEqual([
      ['constructor', 35],
      ['__proto__', 24],
      ['toString', 0],
      ['hasOwnProperty', 16],
      ['valueOf', 15],
    ]);
  });

  it('a project keeps the trained weights stored under them through export and import', () => {
    const weights = Object.fromEntries(
      NAMES.map((id, i) => [id, { kernel: Float32Array.from([i, i + 0.5]), bias: Float32Array.from([-i]) }]),
    );
    const project = {
      id: 'p',
      name: 'names',
      chipId: 'esp32c3',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      model: model(NAMES) as never,
      weights,
    };
    const back = parseProjectText(serializeProject(project), 'esp32c3', '2026-01-02T00:00:00.000Z');
    expect(Object.keys(back.weights ?? {})).toEqual([...NAMES]);
    for (const [i, id] of NAMES.entries()) {
      const own = Object.getOwnPropertyDescriptor(back.weights, id)?.value as Record<string, Float32Array>;
      expect([...(own.kernel ?? [])]).toEqual([i, i + 0.5]);
      expect([...(own.bias ?? [])]).toEqual([-i]);
    }
  });
});
