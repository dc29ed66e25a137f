import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../model/types.ts';
import { expectSameAsTfjs } from './test-tfjs.ts';

const dir = fileURLToPath(new URL('../../../examples/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('the example models', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: every layer matches tfjs', (file) => {
    const model = JSON.parse(readFileSync(dir + file, 'utf8')) as ModelSpec;
    const ours = expectSameAsTfjs(model);
    expect(ours.paramCount).toBeGreaterThan(0);
  });
});
