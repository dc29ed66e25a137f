import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../core/model/analyze.ts';
import { backendOrder, chooseBackend } from './backend.ts';
import './test-tfjs.ts';

const example = (name: string) =>
  analyzeModel(
    JSON.parse(readFileSync(fileURLToPath(new URL(`../../examples/${name}.json`, import.meta.url)), 'utf8')),
  );

describe('the training backend', () => {
  it('tries WebGL, then WASM only for dense models (tfjs cannot train convolutions there), then the CPU', () => {
    expect(backendOrder(example('mnist-mlp'))).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder(example('lenet'))).toEqual(['webgl', 'cpu']);
  });

  it('falls back to the CPU in Node and says why the others were skipped', async () => {
    const info = await chooseBackend(example('mnist-mlp'));
    expect(info.name).toBe('cpu');
    expect(info.skipped.map((s) => s.name)).toEqual(['webgl', 'wasm']);
    expect(info.skipped[1]?.reason).toMatch(/not bundled/);
  });
});
