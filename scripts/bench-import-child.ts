/**
 * One measured import, in a process of its own so its peak RSS is the import's: reads the file, then
 * imports it and writes the project text as `minnow import` does. Prints JSON figures.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importTflite } from '../src/core/import/tflite/index.ts';
import { serializeProject } from '../src/state/project-file.ts';
import type { ExactQuant } from '../src/core/quant/exact.ts';

const file = process.argv[2] as string;
const bytes = new Uint8Array(readFileSync(file));
const before = process.resourceUsage().maxRSS;
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const imported = importTflite({ name: basename(file), bytes });
const t1 = performance.now();
const text = serializeProject({
  id: '',
  name: imported.model.name,
  chipId: 'esp32',
  model: imported.model,
  weights: imported.weights,
  source: imported.source,
  ...(imported.quantization ? { quantization: imported.quantization as ExactQuant } : {}),
  createdAt: new Date(0).toISOString(),
  updatedAt: new Date(0).toISOString(),
});
const t2 = performance.now();
const peak = process.resourceUsage().maxRSS;
console.log(
  JSON.stringify({
    fileBytes: bytes.length,
    importMs: t1 - t0,
    projectMs: t2 - t1,
    projectBytes: text.length,
    peakRssMb: peak / 1024,
    peakGrowthMb: Math.max(0, peak * 1024 - Math.max(rssBefore, before * 1024)) / 2 ** 20,
  }),
);
