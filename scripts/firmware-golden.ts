/**
 * Writes the golden cases of the TS↔C parity run: for every examples/*.json model and for random models of
 * src/core/testing/random-model.ts (fixed seeds), a blob compiled with seeded random weights (and its
 * embedded test vector), a seeded random int8 input, and the output core/reference computes for it.
 *
 *   npx tsx scripts/firmware-golden.ts <out-dir> [--random N] [--first-seed S]
 *
 * Writes <name>.bin, <name>.in, <name>.out, cases.txt (every case) and examples.txt (the examples only);
 * the C parity runner reads them.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModel } from '../src/core/blob/compile.ts';
import { readBlob } from '../src/core/blob/reader.ts';
import { isMinnowError } from '../src/core/errors.ts';
import { analyzeModel, parseModelJson, type ModelSpec } from '../src/core/model/index.ts';
import { randomInputs, randomWeights } from '../src/core/quant/random-weights.ts';
import { createRandom } from '../src/core/random.ts';
import { prepare, run } from '../src/core/reference/interpreter.ts';
import { randomModel } from '../src/core/testing/random-model.ts';

interface Case {
  readonly name: string;
  readonly spec: ModelSpec;
  readonly seed: number;
}

/** Compiles one case and writes its three files; returns false when the compiler refuses the model. */
function writeCase(dir: string, c: Case): boolean {
  const model = analyzeModel(c.spec);
  const weights = randomWeights(model, c.seed);
  let blob: Uint8Array;
  try {
    blob = compileModel(model, weights, {
      calibration: randomInputs(model, 4, c.seed + 1),
      testVector: true,
    }).blob;
  } catch (e) {
    if (!isMinnowError(e)) throw e;
    console.error(`skip ${c.name}: E${e.code} ${e.message}`);
    return false;
  }
  const program = prepare(readBlob(blob));
  const { inputTensor, arenaSize } = program.blob.header;
  const size = program.blob.tensors[inputTensor]?.shape.reduce((a, b) => a * b, 1) ?? 0;
  const rnd = createRandom(c.seed + 2);
  const input = Int8Array.from({ length: size }, () => rnd.int(-128, 127));
  const output = run(program, input, new Uint8Array(arenaSize));
  writeFileSync(join(dir, `${c.name}.bin`), blob);
  writeFileSync(join(dir, `${c.name}.in`), new Uint8Array(input.buffer));
  writeFileSync(join(dir, `${c.name}.out`), new Uint8Array(output.buffer, output.byteOffset, output.length));
  return true;
}

function main(): void {
  const [dir, ...rest] = process.argv.slice(2);
  if (!dir) throw new Error('usage: firmware-golden.ts <out-dir> [--random N] [--first-seed S]');
  const option = (flag: string, fallback: number) => {
    const at = rest.indexOf(flag);
    return at >= 0 ? Number(rest[at + 1]) : fallback;
  };
  const wanted = option('--random', 200);
  const firstSeed = option('--first-seed', 1);
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (const file of readdirSync('examples')
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const spec = parseModelJson(readFileSync(join('examples', file), 'utf8'));
    const name = `example-${file.replace(/\.json$/, '')}`;
    if (writeCase(dir, { name, spec, seed: 7 })) names.push(name);
  }
  const examples = names.length;
  // Random models the compiler refuses are skipped; draw seeds until `wanted` cases exist (bounded).
  for (let seed = firstSeed; names.length - examples < wanted && seed < firstSeed + 4 * wanted; seed++) {
    const name = `random-${seed}`;
    if (writeCase(dir, { name, spec: randomModel(seed), seed })) names.push(name);
  }
  writeFileSync(join(dir, 'cases.txt'), `${names.join('\n')}\n`);
  writeFileSync(join(dir, 'examples.txt'), `${names.slice(0, examples).join('\n')}\n`);
  console.log(`golden: ${examples} example and ${names.length - examples} random cases in ${dir}`);
}

main();
