/**
 * The character language model of examples/char-lm.json as the generate check and the golden cases use it:
 * seeded random weights, ternary weights in every layer that takes a packing (the Embedding table too).
 *
 *   npx tsx scripts/char-lm.ts    prints its blob sizes per packing and the error of packed table rows
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { compileModel } from '../src/core/blob/compile.ts';
import { blobSize } from '../src/core/blob/size.ts';
import { readBlob } from '../src/core/blob/reader.ts';
import { analyzeModel, parseModelJson, type AnalyzedModel, type ModelSpec } from '../src/core/model/index.ts';
import { dequantize } from '../src/core/quant/calibrate.ts';
import { embeddingTable } from '../src/core/quant/embedding.ts';
import { PACKABLE_OPS, type WeightPacking } from '../src/core/quant/packing.ts';
import { randomWeights } from '../src/core/quant/random-weights.ts';
import type { FloatWeights } from '../src/core/quant/types.ts';
import { prepare, run } from '../src/core/reference/interpreter.ts';

export const CHAR_LM: ModelSpec = parseModelJson(
  readFileSync(new URL('../examples/char-lm.json', import.meta.url), 'utf8'),
);
const CALIBRATION = [...'The quick brown fox'].map((c) => Float32Array.of(c.charCodeAt(0)));

/** The same packing for every layer that takes one. */
function everyLayer(model: AnalyzedModel, packing: WeightPacking): Record<string, WeightPacking> {
  return Object.fromEntries(model.layers.filter((l) => PACKABLE_OPS.has(l.type)).map((l) => [l.id, packing]));
}

function compile(keepState: boolean, packing?: Record<string, WeightPacking>) {
  const model = analyzeModel(CHAR_LM);
  const weights = randomWeights(model, 11);
  const compiled = compileModel(model, weights, {
    calibration: CALIBRATION,
    keepGruState: keepState,
    testVector: true,
    packing: packing ?? everyLayer(model, 'ternary'),
  });
  return { model, weights, compiled };
}

/**
 * The char-LM blob: one token per run, ternary weights everywhere, a test vector (from a cleared state).
 * With `keepState` the GRU state carries over between runs (for `generate`); without, each run starts from a
 * zero state, which costs the same instructions and gives a golden case whose output does not depend on
 * earlier runs.
 */
export function charLmBlob(keepState: boolean): Uint8Array {
  return compile(keepState).compiled.blob;
}

/**
 * Mean and largest |value − trained| over the table: of the packed values the blob stores (level × column
 * scale; an int8 table is stored in the output's quantization, so its rows are the written ones), and of the
 * int8 rows the op writes, dequantized.
 */
function rowErrors(model: AnalyzedModel, weights: FloatWeights, packing: WeightPacking) {
  const trained = weights.embed?.embeddings as Float32Array;
  const grid = embeddingTable(trained, 64, packing).values;
  const { compiled } = compile(true, { ...everyLayer(model, 'ternary'), embed: packing });
  const program = prepare(readBlob(compiled.blob));
  const q = compiled.quant[compiled.plan.graph.steps[0]?.output ?? 0] as { scale: number; zeroPoint: number };
  const written = new Float32Array(trained.length);
  for (let id = 0; id < 256; id++) {
    const arena = new Uint8Array(program.blob.header.arenaSize);
    run(program, Int8Array.of(id - 128), arena, (i, y) => i === 0 && written.set(dequantize(y, q), 64 * id));
  }
  const stats = (values: Float32Array) => {
    const errors = Array.from(values, (v, i) => Math.abs(v - (trained[i] as number)));
    return { mean: errors.reduce((a, b) => a + b, 0) / errors.length, max: Math.max(...errors) };
  };
  return { grid: stats(grid), written: stats(written), outputStep: q.scale };
}

function main(): void {
  const model = analyzeModel(CHAR_LM);
  const weights = randomWeights(model, 11);
  const sizes = {
    'int8 everywhere': everyLayer(model, 'int8'),
    'as examples/char-lm.json': {},
    'int4 everywhere': everyLayer(model, 'int4'),
    'ternary everywhere': everyLayer(model, 'ternary'),
  };
  for (const [what, packing] of Object.entries(sizes))
    console.log(`blob without test vector, ${what}: ${blobSize(model, undefined, packing)} bytes`);
  const table = weights.embed?.embeddings as Float32Array;
  const maxAbs = table.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const meanAbs = table.reduce((m, v) => m + Math.abs(v), 0) / table.length;
  console.log(
    `embedding rows against the float table (seeded random weights: mean |w| ${meanAbs.toFixed(4)}, ` +
      `max |w| ${maxAbs.toFixed(4)}):`,
  );
  for (const packing of ['int8', 'int4', 'ternary'] as const) {
    const e = rowErrors(model, weights, packing);
    const f = (v: number) => v.toFixed(5);
    const stored = packing === 'int8' ? '' : `stored: mean ${f(e.grid.mean)} max ${f(e.grid.max)}; `;
    console.log(
      `  ${packing.padEnd(7)} ${stored}rows written: mean ${f(e.written.mean)} max ${f(e.written.max)} ` +
        `(output step ${f(e.outputStep)})`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
