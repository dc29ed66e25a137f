import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadShippedManifest } from '../../cli/manifest.ts';
import { runCli } from '../../cli/test-io.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { formatBytes, formatCount, formatMs } from '../../core/units.ts';
import { Gauge } from './Gauge.tsx';
import { gaugeView } from './gauge-view.ts';
import { inspectSpec } from './inspection.ts';
import { SHIPPED_MANIFEST } from './manifest.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
// The examples, and a 784-1000-1000-10 MLP that fits none of the ESP32 model partitions.
const BIG = join(mkdtempSync(join(tmpdir(), 'minnow-gauge-')), 'big-mlp.json');
writeFileSync(
  BIG,
  JSON.stringify({
    format: 'minnow-model',
    version: 1,
    name: 'big-mlp',
    input: { shape: [784] },
    layers: [
      { id: 'fc1', type: 'Dense', units: 1000, activation: 'relu' },
      { id: 'fc2', type: 'Dense', units: 1000, activation: 'relu' },
      { id: 'out', type: 'Dense', units: 10, activation: 'softmax' },
    ],
  }),
);
const files = [...readdirSync(EXAMPLES).map((f) => join(EXAMPLES, f)), BIG].filter((f) =>
  f.endsWith('.json'),
);
const CHIPS = ['esp32', 'esp32h2', 'esp32s3-r8', 'rp2040'];

/** The gauge rendered to HTML, with React's entity escapes turned back into the characters they stand for. */
const html = (view: ReturnType<typeof gaugeView>) =>
  renderToStaticMarkup(<Gauge view={view} />)
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('the budget gauge shows the figures of `minnow inspect`', () => {
  for (const file of files) {
    it(`${basename(file)} on ${CHIPS.join(', ')}`, async () => {
      const spec = JSON.parse(readFileSync(file, 'utf8')) as ModelSpec;
      for (const chip of CHIPS) {
        const { out } = await runCli(['inspect', file, '--chip', chip, '--json']);
        const cli = JSON.parse(out);
        const inspection = inspectSpec(spec, chip, SHIPPED_MANIFEST);
        if (inspection.status !== 'ok') throw new Error(`${file} on ${chip}: ${inspection.status}`);
        const view = gaugeView(inspection.report);

        expect(view.verdict.code, chip).toBe(cli.verdict);
        expect([view.ram.needBytes, view.ram.availableBytes, view.ram.fits]).toEqual([
          cli.chip.ram.needBytes,
          cli.chip.ram.availableBytes,
          cli.chip.ram.fits,
        ]);
        // Flash bars against the limits the verdict judges: the blob against the model partition, the
        // firmware against the rest of the chip's flash (or, linked into a program, one bar for all of it).
        const { partitionBytes, parts, availableBytes } = cli.chip.flash;
        if (partitionBytes === null) {
          expect([view.flash.needBytes, view.flash.availableBytes, view.flash.fits]).toEqual([
            cli.chip.flash.needBytes,
            availableBytes,
            cli.chip.flash.fits,
          ]);
          expect(view.model).toBeUndefined();
        } else {
          expect([view.model?.needBytes, view.model?.availableBytes]).toEqual([parts.model, partitionBytes]);
          expect([view.flash.needBytes, view.flash.availableBytes]).toEqual([
            parts.firmware,
            availableBytes - partitionBytes,
          ]);
          expect(Boolean(view.model?.fits) && view.flash.fits).toBe(cli.chip.flash.fits);
        }
        expect(view.ram.segments.map((s) => s.bytes)).toEqual([
          cli.chip.ram.parts.arena,
          cli.chip.ram.parts.interpreter,
          cli.chip.ram.parts.io,
        ]);
        expect([...view.flash.segments, ...(view.model?.segments ?? [])].map((s) => s.bytes)).toEqual([
          cli.chip.flash.parts.firmware,
          cli.chip.flash.parts.model,
        ]);
        expect(view.packing?.savedBytes ?? 0).toBe(cli.memory.packingSavedBytes);
        expect(view.latency.ms).toBe(cli.chip.latencyMs);
        expect(view.totals.map((t) => t.value)).toEqual([
          cli.params,
          cli.macs,
          cli.memory.arenaBytes,
          cli.memory.weightsBytes,
          cli.memory.blobBytes,
        ]);

        // And the rendered gauge prints exactly those numbers, in the app's units.
        const markup = html(view);
        expect(markup).toContain(`data-verdict="${cli.verdict}"`);
        expect(markup).toContain(
          `${formatBytes(cli.chip.ram.needBytes)} of ${formatBytes(cli.chip.ram.availableBytes)}`,
        );
        expect(markup).toContain(
          partitionBytes === null
            ? `${formatBytes(cli.chip.flash.needBytes)} of ${formatBytes(availableBytes)}`
            : `${formatBytes(parts.model)} of ${formatBytes(partitionBytes)}`,
        );
        // A verdict other than "fits" says its first reason, with the figures, above the bars.
        if (cli.verdict !== 'fits') expect(markup).toContain(`>${cli.reasons[0]} `);
        expect(markup).toContain(formatMs(cli.chip.latencyMs));
        expect(markup).toContain(`>${formatCount(cli.params)}<`);
        expect(markup).toContain(`>${formatCount(cli.macs)}<`);
        for (const part of Object.values(cli.chip.ram.parts) as number[])
          expect(markup).toContain(formatBytes(part));
        for (const reason of cli.reasons as string[]) expect(markup).toContain(`<li>${reason}</li>`);
      }
    });
  }

  it('[M-11] shows the flash a packed layer saves, and a flash need smaller by as much', () => {
    const spec = JSON.parse(readFileSync(join(EXAMPLES, 'mnist-mlp.json'), 'utf8')) as ModelSpec;
    const ternary = {
      ...spec,
      layers: spec.layers.map((l) => (l.id === 'fc1' ? { ...l, packing: 'ternary' } : l)),
    };
    const view = (s: ModelSpec) => {
      const inspection = inspectSpec(s, 'esp32', SHIPPED_MANIFEST);
      if (inspection.status !== 'ok') throw new Error(inspection.status);
      return gaugeView(inspection.report);
    };
    const int8 = view(spec);
    const packed = view(ternary);
    expect(int8.packing).toBeUndefined();
    // 784·100 kernel bytes at one byte each, against ceil(78,400 / 5) bytes of trits.
    expect(packed.packing?.savedBytes).toBe(78_400 - 15_680);
    expect(packed.model?.needBytes).toBe((int8.model?.needBytes ?? 0) - (78_400 - 15_680));
    // 62,720 B is 61 KB of 1024 B, 77 % of the 81,096 B int8 blob.
    expect(int8.totals.find((t) => t.label === 'Blob')?.value).toBe(81_096);
    expect(html(packed)).toContain('Weight packing saves 61 KB of flash (77 %)');
    expect(html(int8)).not.toContain('Weight packing');
  });

  it('marks figures that an inspection still catching up will replace, and only those', () => {
    const spec = JSON.parse(readFileSync(join(EXAMPLES, 'mnist-mlp.json'), 'utf8')) as ModelSpec;
    const inspection = inspectSpec(spec, 'esp32', SHIPPED_MANIFEST);
    if (inspection.status !== 'ok') throw new Error(inspection.status);
    const view = gaugeView(inspection.report);
    const updating = renderToStaticMarkup(<Gauge view={view} updating />);
    expect(updating).toContain('class="gauge updating"');
    expect(updating).toContain('aria-busy="true"');
    expect(updating).toMatch(/role="status">Updating…</);
    const settled = renderToStaticMarkup(<Gauge view={view} />);
    expect(settled).toContain('aria-busy="false"');
    expect(settled).not.toContain('Updating');
  });

  it('uses the same firmware manifest as the CLI', () => {
    expect(SHIPPED_MANIFEST).toEqual(loadShippedManifest());
  });

  it('covers verdicts other than "fits"', async () => {
    const { out } = await runCli(['inspect', BIG, '--chip', 'esp32h2', '--json']);
    expect(JSON.parse(out).verdict).toBe('too-big-flash');
  });

  it('a blob too big for its partition: the model bar is over, the firmware bar is not, and the sentence says why', () => {
    const spec = JSON.parse(readFileSync(BIG, 'utf8')) as ModelSpec;
    const inspection = inspectSpec(spec, 'esp32', SHIPPED_MANIFEST);
    if (inspection.status !== 'ok') throw new Error(inspection.status);
    const view = gaugeView(inspection.report);
    expect(view.verdict.code).toBe('too-big-flash');
    expect(view.model?.fits).toBe(false);
    expect(view.model?.availableBytes).toBe(inspection.report.chip.flash.partitionBytes);
    expect(view.flash.fits).toBe(true);
    expect(view.headline).toMatch(
      /^The model blob needs .* but the model partition on ESP32 holds 1\.00 MB\./,
    );
    expect(view.headline).toMatch(/int4 or ternary/);
  });
});
