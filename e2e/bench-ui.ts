import { availableParallelism, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { analyzeModel } from '../src/core/model/analyze.ts';
import type { ModelSpec } from '../src/core/model/types.ts';
import { deepModel, wideModel } from '../scripts/deep-model.ts';
import { openSession, type Session } from './browser.ts';
import { stats, timeEdits, type EditTimes } from './bench-page.ts';
import { serveApp } from './server.ts';

/**
 * Per-edit time in Chromium on the 50-layer bench model, a 200-layer model and a 3M-parameter model: compute
 * (analyze, plan, budget) plus React render, from the input event to the committed DOM and to the next painted
 * frame. The goal is one frame: 16 ms median, 33 ms p95. Figures, not pass/fail.
 * Run: npm run bench:ui (MINNOW_BENCH_SKIP_BUILD=1 measures dist/ as built).
 */
const EDITS = 40;

function row(name: string, t: EditTimes): void {
  const f = (v: ReturnType<typeof stats>) => `median ${v.median.toFixed(1)} ms, p95 ${v.p95.toFixed(1)} ms`;
  console.log(`  ${name} (${t.paintMs.length} edits)`);
  console.log(`    compute (inspect)          ${f(stats(t.inspectMs))}`);
  console.log(`    input → DOM committed      ${f(stats(t.commitMs))}`);
  console.log(`    input → next frame painted ${f(stats(t.paintMs))}`);
  if (t.suggestMs.length > 0) console.log(`    fix search (deferred)      ${f(stats(t.suggestMs))}`);
}

/** A fresh page with `model` imported and its layer `layer` selected in the inspector. */
async function openModel(session: Session, url: string, model: ModelSpec, layer: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.getByTestId('import-file').setInputFiles({
    name: `${model.name}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(model)),
  });
  await page.getByRole('button', { name: layer, exact: true }).click();
  await page.locator(`#param-${layer}-units`).waitFor();
  return page;
}

const { url, server } = await serveApp(Boolean(process.env.MINNOW_BENCH_SKIP_BUILD));
const session = await openSession();
// Frame times are wall-clock: a busy machine stretches them, so the figures say how busy it was.
const load = loadavg().map((l) => l.toFixed(1));
console.log(`load average ${load.join(', ')} on ${availableParallelism()} cores`);
try {
  const wide = wideModel(3_000_000);
  const n = String(wide.input.shape[0]);
  const cases = [
    { model: deepModel(50), units: ['33', '32'], shapes: ['32, 32, 3', '64, 64, 3'] },
    { model: deepModel(200), units: ['33', '32'] },
    { model: wide, units: [String(Number(n) - 1), n] },
  ];
  for (const c of cases) {
    const page = await openModel(session, url, c.model, 'fc');
    const params = analyzeModel(c.model).paramCount.toLocaleString('en');
    console.log(`${c.model.name}: ${c.model.layers.length} layers, ${params} parameters`);
    row('Dense units, model fits or not', await timeEdits(page, '#param-fc-units', c.units, EDITS));
    if (c.shapes) {
      await page.getByRole('button', { name: 'input', exact: true }).click();
      await page.locator('#input-shape').waitFor();
      row(
        'Input shape, toggling fits / too big for RAM',
        await timeEdits(page, '#input-shape', c.shapes, EDITS),
      );
    }
    await page.close();
  }
} finally {
  await session.close();
  await server.close();
}
