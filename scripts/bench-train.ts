/**
 * `npm run bench:train`: figures, not pass/fail. In Chromium (the e2e browser), on the backend the app
 * picks (or `--backend cpu|webgl`):
 * - samples/s of the training worker against a plain tfjs `fit` of the same model, backend, data and
 *   settings on the page, and their ratio (the worker's overhead: messages, per-batch metrics, pausing);
 * - float against int8 accuracy of the MNIST MLP and LeNet on 2,000 validation digits after a full
 *   training run with each template's default settings (`--epochs N` to shorten it).
 * `--part throughput|accuracy` runs one half only.
 */
import type { Page } from 'playwright-core';
import { openSession } from '../e2e/browser.ts';
import { serveHarness } from '../e2e/harness/serve.ts';
import type { BackendName } from '../src/train/backend.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const backend = option('backend') as BackendName | undefined;
const part = option('part') ?? 'all';
const epochs = option('epochs') ? Number(option('epochs')) : undefined;
const pct = (v: number) => `${(100 * v).toFixed(2)} %`;

async function throughput(page: Page, model: string): Promise<void> {
  const r = await page.evaluate((o) => window.minnowBench!.throughput(o), {
    model,
    epochs: 4,
    batchSize: 32,
    ...(backend ? { backend } : {}),
  });
  console.log(
    `${model.padEnd(10)} ${r.backend.padEnd(6)} worker ${r.worker.toFixed(0).padStart(6)} samples/s` +
      `  plain fit ${r.plain.toFixed(0).padStart(6)} samples/s  overhead ratio ${(r.plain / r.worker).toFixed(3)}`,
  );
}

async function accuracy(page: Page, model: string): Promise<void> {
  const r = await page.evaluate((o) => window.minnowBench!.accuracy(o), {
    model,
    ...(epochs ? { epochs } : {}),
    ...(backend ? { backend } : {}),
  });
  console.log(
    `${model.padEnd(10)} ${r.backend.padEnd(6)} ${String(r.epochs).padStart(2)} epochs (${r.trainSeconds.toFixed(0)} s)` +
      `  float ${pct(r.float)}  int8 ${pct(r.int8)}  Δ ${((r.int8 - r.float) * 100).toFixed(2)} points` +
      `  agreement ${pct(r.agreement ?? 0)}  on ${r.samples}  (int8 test ${r.quantizeSeconds.toFixed(1)} s, most error: ${r.worstLayer})`,
  );
}

const harness = await serveHarness();
const session = await openSession();
try {
  const page = await session.context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${harness.url}e2e/harness/bench-train.html`);
  await page.waitForFunction(() => window.minnowBench !== undefined);
  if (part !== 'accuracy') {
    console.log('## Training throughput: worker vs plain tfjs fit (MNIST, batch 32, epochs 2-4 timed)');
    await throughput(page, 'mnist-mlp');
  }
  if (part !== 'throughput') {
    console.log(
      '\n## Float vs int8 after a full training run (MNIST, 8,000 train / 2,000 validation digits)',
    );
    await accuracy(page, 'mnist-mlp');
    await accuracy(page, 'lenet');
  }
} finally {
  await session.close();
  await harness.close();
}
