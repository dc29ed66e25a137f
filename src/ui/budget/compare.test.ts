import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHIPS } from '../../core/chips/catalog.ts';
import { inspectModel } from '../../core/inspect/report.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { compareChips } from './compare.ts';
import { inspectSpec } from './inspection.ts';

const spec = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'lenet.json'), 'utf8'),
) as ModelSpec;

describe('chip comparison', () => {
  it('plans once and gives, for every chip, the figures of a full inspection on that chip', () => {
    const rows = compareChips(spec);
    expect(rows.map((r) => r.chipId)).toEqual(CHIPS.map((c) => c.id));
    for (const row of rows) {
      const r = inspectModel(spec, { chip: row.chipId });
      expect(row, row.chipId).toMatchObject({
        ramNeed: r.chip?.ram.needBytes,
        ramAvailable: r.chip?.ram.availableBytes,
        flashNeed: r.chip?.flash.needBytes,
        flashAvailable: r.chip?.flash.availableBytes,
        latencyMs: r.chip?.latencyMs,
        verdict: r.verdict,
      });
    }
  });

  it('tells an empty model and an invalid one apart from a report', () => {
    expect(inspectSpec({ ...spec, layers: [] }, 'esp32').status).toBe('empty');
    const bad = inspectSpec({ ...spec, layers: [{ id: 'x', type: 'Dense' }] }, 'esp32');
    expect(bad.status === 'error' && bad.error.code).toBe(104);
  });
});
