/**
 * `npm run bench`: figures, not pass/fail. Memory planning quality against the no-alias lower bound, and the
 * time one inspect takes (what the gauge pays on every edit).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectModel } from '../src/core/inspect/report.ts';
import { analyzeModel } from '../src/core/model/analyze.ts';
import { planModel } from '../src/core/plan/index.ts';
import { randomModel } from '../src/core/testing/random-model.ts';
import { benchBlob, formatBlobBench } from './bench-blob.ts';
import { formatAudioBench } from './bench-audio.ts';
import { formatGateBench } from './bench-gates.ts';
import { formatImportBench } from './bench-import.ts';
import { deepModel } from './deep-model.ts';

const root = join(import.meta.dirname, '..');

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function benchExamples(): void {
  console.log('\n## Arena vs no-alias lower bound, examples');
  const dir = join(root, 'examples');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const plan = planModel(analyzeModel(JSON.parse(readFileSync(join(dir, file), 'utf8'))));
    const ratio = plan.arenaBytes / plan.lowerBoundBytes;
    console.log(
      `${file.padEnd(22)} arena ${String(plan.arenaBytes).padStart(7)} B  bound ${String(plan.lowerBoundBytes).padStart(7)} B  ratio ${ratio.toFixed(3)}`,
    );
  }
}

function benchRandom(count: number): void {
  const ratios: number[] = [];
  let below = 0;
  for (let seed = 1; seed <= count; seed++) {
    const plan = planModel(analyzeModel(randomModel(seed)));
    const ratio = plan.arenaBytes / plan.lowerBoundBytes;
    ratios.push(ratio);
    if (ratio < 1) below++;
  }
  ratios.sort((a, b) => a - b);
  const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
  console.log(`\n## Arena / lower bound over ${count} random DAGs (seeds 1..${count})`);
  console.log(
    `mean ${mean.toFixed(4)}  p95 ${quantile(ratios, 0.95).toFixed(4)}  max ${(ratios.at(-1) ?? NaN).toFixed(4)}  min ${(ratios[0] ?? NaN).toFixed(4)}  below the bound (in-place) ${below}`,
  );
}

function medianMs(run: () => void, repeats: number): number {
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return quantile(times, 0.5);
}

function benchInspect(): void {
  console.log('\n## Time per inspect (analyze + plan + budget), median');
  const small = medianMs(() => inspectModel(deepModel(3), { chip: 'esp32' }), 200);
  for (const layers of [50, 200]) {
    const spec = deepModel(layers);
    const ms = medianMs(() => inspectModel(spec, { chip: 'esp32' }), layers > 100 ? 50 : 200);
    console.log(
      `${layers}-layer model: ${ms.toFixed(3)} ms  (${(ms / small).toFixed(1)}x a 3-layer model's ${small.toFixed(3)} ms)`,
    );
  }
}

/** Dense 784 → units: sizing it must not make its weights (a blob holds at most 16 MB, F-4). */
function wideModel(units: number) {
  const layers = [{ id: 'fc', type: 'Dense', units }];
  return { format: 'minnow-model', version: 1, name: 'wide', input: { shape: [784] }, layers };
}

function benchBigInspect(): void {
  console.log('\n## Inspect of models too big for any blob: time and heap growth (bounded for any size)');
  for (const units of [1000, 1_000_000, 1e12]) {
    const heap0 = process.memoryUsage().heapUsed;
    const ms = medianMs(() => inspectModel(wideModel(units), { chip: 'esp32' }), 20);
    const mb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
    console.log(
      `Dense 784→${units.toExponential(0)}: ${ms.toFixed(3)} ms per inspect, heap +${mb.toFixed(1)} MB`,
    );
  }
}

console.log('# Minnow benchmarks (figures, not pass/fail)');
benchExamples();
benchRandom(1000);
benchInspect();
benchBigInspect();
console.log('\n## Blob overhead and reference interpreter speed');
console.log(formatBlobBench(benchBlob(1000)));
console.log('\n## GRU gate functions, integer (Q12 in, Q15 out) against float, pre-activations −12 … 12');
console.log(formatGateBench());
console.log('\n## Model import: time and peak memory of a generated .tflite (each in a fresh process)');
console.log(formatImportBench());
console.log(
  '\n## Audio front end per 1 s clip (gauge estimate; `npm run bench:firmware` adds the RV32 count)',
);
console.log(formatAudioBench());
