/**
 * Blob and reference-interpreter figures for `npm run bench`: for each example, the blob's size against its
 * weights as stored (packed kernels, embedding tables, int32 biases; the rest is format overhead: header, tables, requantization, lookup
 * tables, alignment) next to the budget 128 + 8·channels + 16·(tensors + ops); and the TypeScript reference
 * interpreter's speed in MACs per second.
 *
 *   npx tsx scripts/bench-blob.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModel } from '../src/core/blob/compile.ts';
import { readBlob } from '../src/core/blob/reader.ts';
import { tensorBytes } from '../src/core/blob/tensor-table.ts';
import { blobConstants, blobWeightBytes } from '../src/core/blob/weight-bytes.ts';
import type { Blob } from '../src/core/blob/types.ts';
import { analyzeModel } from '../src/core/model/analyze.ts';
import { randomInputs, randomWeights } from '../src/core/quant/random-weights.ts';
import { prepare, run } from '../src/core/reference/interpreter.ts';

export interface BlobBenchRow {
  readonly model: string;
  readonly blobBytes: number;
  /** Weights as stored: packed kernels, embedding tables, int32 biases (blobWeightBytes). */
  readonly weightBytes: number;
  readonly overheadBytes: number;
  /** 128 + 8 B per output channel + 16 B per tensor and per op. */
  readonly overheadBudget: number;
  readonly macs: number;
  readonly macsPerSecond: number;
}

/** Weights as the blob stores them (packed, tables, biases), and the output channels its biases cover. */
function accounting(blob: Blob): { weightBytes: number; channels: number } {
  const biases = blobConstants(blob).filter((c) => c.role === 'bias');
  return {
    weightBytes: blobWeightBytes(blob),
    channels: biases.reduce((n, c) => n + (c.tensor.shape[0] ?? 0), 0),
  };
}

function macsPerSecond(blob: Blob, macs: number, budgetMs: number): number {
  const program = prepare(blob);
  const input = new Int8Array(tensorBytes(blob.tensors[blob.header.inputTensor] as Blob['tensors'][number]));
  const arena = new Uint8Array(blob.header.arenaSize);
  run(program, input, arena);
  let runs = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs || runs < 2) {
    run(program, input, arena);
    runs++;
  }
  return (runs * macs) / ((performance.now() - t0) / 1000);
}

export function benchBlob(budgetMs = 500): BlobBenchRow[] {
  const dir = join(import.meta.dirname, '..', 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const model = analyzeModel(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      const compiled = compileModel(model, randomWeights(model, 1), {
        calibration: randomInputs(model, 8, 1),
      });
      const blob = readBlob(compiled.blob);
      const { weightBytes, channels } = accounting(blob);
      return {
        model: file.replace(/\.json$/, ''),
        blobBytes: blob.bytes.length,
        weightBytes,
        overheadBytes: blob.bytes.length - weightBytes,
        overheadBudget: 128 + 8 * channels + 16 * (blob.tensors.length + blob.ops.length),
        macs: model.macs,
        macsPerSecond: macsPerSecond(blob, model.macs, budgetMs),
      };
    });
}

export function formatBlobBench(rows: readonly BlobBenchRow[]): string {
  const lines = rows.map(
    (r) =>
      `${r.model.padEnd(14)} blob ${String(r.blobBytes).padStart(7)} B  weights ${String(r.weightBytes).padStart(7)} B  ` +
      `overhead ${String(r.overheadBytes).padStart(5)} B (${((100 * r.overheadBytes) / r.blobBytes).toFixed(1)} %, budget ${r.overheadBudget} B)  ` +
      `reference ${(r.macsPerSecond / 1e6).toFixed(1)} M MAC/s`,
  );
  return ['## Model blob overhead and reference interpreter speed (Node)', ...lines].join('\n');
}

if (process.argv[1]?.endsWith('bench-blob.ts')) console.log(formatBlobBench(benchBlob()));
