import { deepModel } from '../scripts/deep-model.ts';
import { openSession } from './browser.ts';
import { stats, timeEdits, type EditTimes } from './bench-page.ts';
import { serveApp } from './server.ts';

/**
 * Per-edit time on a 50-layer model in Chromium: compute (analyze, plan, budget) plus React render, from the
 * input event to the committed DOM and to the next painted frame. Figures, not pass/fail.
 * Run: npm run bench:ui (MINNOW_BENCH_SKIP_BUILD=1 measures dist/ as built).
 */
const EDITS = 40;

const { url, server } = await serveApp(Boolean(process.env.MINNOW_BENCH_SKIP_BUILD));
const session = await openSession();
try {
  const page = await session.context.newPage();
  await page.goto(url);
  const model = deepModel(50);
  await page.getByTestId('import-file').setInputFiles({
    name: 'deep-50.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(model)),
  });
  await page.getByRole('button', { name: 'fc', exact: true }).click();
  await page.locator('#param-fc-units').waitFor();

  const row = (name: string, t: EditTimes) => {
    const f = (v: ReturnType<typeof stats>) => `median ${v.median.toFixed(1)} ms, p95 ${v.p95.toFixed(1)} ms`;
    console.log(`${name} (${EDITS} edits, ${model.layers.length} layers)`);
    console.log(`  compute (inspect)          ${f(stats(t.inspectMs))}`);
    console.log(`  input → DOM committed      ${f(stats(t.commitMs))}`);
    console.log(`  input → next frame painted ${f(stats(t.paintMs))}`);
    if (t.suggestMs.length > 0) console.log(`  fix search (deferred)      ${f(stats(t.suggestMs))}`);
  };
  row('Dense units, model fits', await timeEdits(page, '#param-fc-units', ['33', '32'], EDITS));

  await page.getByRole('button', { name: 'input', exact: true }).click();
  await page.locator('#input-shape').waitFor();
  const shapes = ['32, 32, 3', '64, 64, 3'];
  row('Input shape, toggling fits / too big for RAM', await timeEdits(page, '#input-shape', shapes, EDITS));
} finally {
  await session.close();
  await server.close();
}
