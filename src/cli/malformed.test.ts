import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-io.ts';

const DIR = join(import.meta.dirname, 'fixtures', 'malformed');

/** What each broken file must be refused with: the error code and the layer the message must name. */
const EXPECTED: Record<string, [code: number, layer: string | null]> = {
  '01-unknown-type.json': [103, 'fc1'],
  '02-unknown-type-lowercase.json': [103, 'fc1'],
  '03-missing-units.json': [104, 'fc1'],
  '04-negative-units.json': [105, 'fc1'],
  '05-fractional-units.json': [105, 'fc1'],
  '06-string-units.json': [105, 'fc1'],
  '07-misspelt-param.json': [105, 'fc1'],
  '08-bad-activation.json': [105, 'fc1'],
  '09-conv-missing-filters.json': [104, 'conv1'],
  '10-conv-bad-padding.json': [105, 'conv1'],
  '11-conv-on-vector.json': [110, 'conv1'],
  '12-kernel-too-large.json': [113, 'conv1'],
  '13-pool-too-large.json': [113, 'pool1'],
  '14-pooled-to-nothing.json': [113, 'p2'],
  '15-add-shapes.json': [111, 'sum'],
  '16-add-one-input.json': [115, 'sum'],
  '17-concat-axes.json': [112, 'cat'],
  '18-cycle.json': [108, 'a'],
  '19-self-loop.json': [108, 'a'],
  '20-dangling-input.json': [107, 'b'],
  '21-duplicate-id.json': [106, 'fc'],
  '22-unconnected.json': [109, 'side'],
  '23-reserved-id.json': [117, 'input'],
  '24-empty-layers.json': [116, null],
  '25-wrong-format.json': [101, null],
  '26-wrong-version.json': [102, null],
  '27-no-input.json': [101, null],
  '28-zero-input-dim.json': [101, null],
  '29-layer-without-id.json': [101, null],
  '30-reshape-mismatch.json': [110, 'rs'],
  '31-gap-on-vector.json': [110, 'gap'],
  '32-flatten-vector.json': [110, 'flat'],
  '33-depthwise-bad-multiplier.json': [105, 'dw'],
  '34-conv1d-on-image.json': [110, 'c1'],
  '35-dropout-rate-one.json': [105, 'drop'],
  '36-not-json.json': [100, null],
  '37-empty-file.json': [100, null],
  '38-array-top-level.json': [101, null],
};

const inspect = (file: string) => runCli(['inspect', join(DIR, file), '--chip', 'esp32']);

describe('malformed model files', () => {
  it('has an expectation for every file in the corpus, and at least 30 files', () => {
    const files = readdirSync(DIR).sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))(
    '%s is refused with exit 2, its code and its layer',
    async (file, [code, layer]) => {
      const result = await inspect(file);
      expect(result.code).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toContain(`E${code}`);
      expect(result.err).toContain('fix:');
      if (layer !== null) expect(result.err).toContain(`"${layer}"`);
    },
  );
});
