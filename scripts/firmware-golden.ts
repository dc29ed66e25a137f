/**
 * Writes the golden cases of the TS↔C parity run: for every examples/*.json model and for random models of
 * src/core/testing/random-model.ts (fixed seeds, and sequence models with Embedding or GRU layers), a blob compiled with seeded random weights (and its
 * embedded test vector), a seeded random int8 input, and the output core/reference computes for it.
 *
 *   npx tsx scripts/firmware-golden.ts <out-dir> [--random N] [--first-seed S]
 *
 * Examples and some random models are also written with int4 and ternary weights in every layer that takes
 * them (Dense, Conv2D, GRU, Embedding), and an example whose layers ask for a packing with int8 weights.
 *
 * Writes <name>.bin, <name>.in, <name>.out, cases.txt (every case) and examples.txt (the examples only);
 * the C parity runner reads them.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModel } from '../src/core/blob/compile.ts';
import { ElementType } from '../src/core/blob/format.ts';
import { readBlob } from '../src/core/blob/reader.ts';
import { tensorBytes } from '../src/core/blob/tensor-table.ts';
import type { TensorEntry } from '../src/core/blob/types.ts';
import { isMinnowError } from '../src/core/errors.ts';
import { analyzeModel, parseModelJson, type ModelSpec } from '../src/core/model/index.ts';
import { PACKABLE_OPS, type WeightPacking } from '../src/core/quant/packing.ts';
import { randomInputs, randomWeights } from '../src/core/quant/random-weights.ts';
import { createRandom } from '../src/core/random.ts';
import { prepare, run } from '../src/core/reference/interpreter.ts';
import { randomModel } from '../src/core/testing/random-model.ts';
import { charLmBlob } from './char-lm.ts';

interface Case {
  readonly name: string;
  readonly spec: ModelSpec;
  readonly seed: number;
  readonly packing?: Readonly<Record<string, WeightPacking>>;
  /** Audio input as pure tones, without noise (see audioInput). */
  readonly tones?: boolean;
}

const PACKINGS: readonly WeightPacking[] = ['int8', 'int4', 'ternary'];

/** A packing for every layer that takes one (PACKABLE_OPS): `all`, or one drawn per layer. */
function packingOf(spec: ModelSpec, all: WeightPacking | undefined, seed: number) {
  const rnd = createRandom(seed + 3);
  const layers = spec.layers.filter((l) => PACKABLE_OPS.has(l.type));
  return Object.fromEntries(layers.map((l) => [l.id, all ?? rnd.pick(PACKINGS)]));
}

/**
 * int16 audio (F-78) whose loudness halves every 320 samples through 16 levels, with a silent stretch, so
 * every block exponent of F-76 (0 … 15) and the all-zero frame occur: a tone plus noise, little-endian.
 * With `tones`, pure tones of a new pitch at each level: their quiet bins hold little more than the FFT's
 * rounding, so every rounding of F-76 shows in the features.
 */
function audioInput(samples: number, rnd: ReturnType<typeof createRandom>, tones = false): Int8Array {
  const out = new Int8Array(2 * samples);
  const view = new DataView(out.buffer);
  for (let i = 0; i < samples; i++) {
    const level = Math.floor(i / 320) % 17;
    const amplitude = level === 16 ? 0 : 32767 * 2 ** -level;
    const v = tones
      ? amplitude * Math.sin(i * (0.05 + 0.17 * level))
      : amplitude * (0.6 * Math.sin(i * 0.37) + 0.4 * (2 * rnd.float() - 1));
    view.setInt16(2 * i, Math.round(v), true);
  }
  return out;
}

const AUDIO_CASES: readonly (readonly [string, number, Record<string, number>])[] = [
  ['audio-features', 16000, {}],
  [
    'audio-features-8k',
    4000,
    {
      sampleRate: 8000,
      frameLength: 200,
      frameStep: 80,
      fftLength: 256,
      melBins: 20,
      lowHz: 60,
      highHz: 3800,
    },
  ],
];

/** Compiles one case and writes its three files; returns false when the compiler refuses the model. */
function writeCase(dir: string, c: Case): boolean {
  const model = analyzeModel(c.spec);
  const weights = randomWeights(model, c.seed);
  let blob: Uint8Array;
  try {
    blob = compileModel(model, weights, {
      calibration: randomInputs(model, 4, c.seed + 1),
      testVector: true,
      ...(c.packing ? { packing: c.packing } : {}),
    }).blob;
  } catch (e) {
    if (!isMinnowError(e)) throw e;
    console.error(`skip ${c.name}: E${e.code} ${e.message}`);
    return false;
  }
  const program = prepare(readBlob(blob));
  const { inputTensor, arenaSize } = program.blob.header;
  // Bytes, not elements: an int16 audio input (F-78) takes two per sample.
  const size = tensorBytes(program.blob.tensors[inputTensor] as TensorEntry);
  const rnd = createRandom(c.seed + 2);
  const audio = program.blob.tensors[inputTensor]?.type === ElementType.INT16;
  const input = audio
    ? audioInput(size / 2, rnd, c.tones)
    : Int8Array.from({ length: size }, () => rnd.int(-128, 127));
  const output = run(program, input, new Uint8Array(arenaSize));
  writeFileSync(join(dir, `${c.name}.bin`), blob);
  writeFileSync(join(dir, `${c.name}.in`), new Uint8Array(input.buffer));
  writeFileSync(join(dir, `${c.name}.out`), new Uint8Array(output.buffer, output.byteOffset, output.length));
  return true;
}

/**
 * Token models (an Embedding first, its vocabulary capped at the 256 ids of F-73 so that each compiles) with
 * packings drawn per layer, the Embedding's table among them; returns the names written.
 */
function tokenCases(dir: string, firstSeed: number, wanted: number): string[] {
  const names: string[] = [];
  for (let seed = firstSeed; names.length < wanted && seed < firstSeed + 40 * wanted; seed++) {
    const drawn = randomModel(seed, { embedding: true, gru: true });
    const [first, ...rest] = drawn.layers;
    if (first?.type !== 'Embedding') continue;
    const spec = {
      ...drawn,
      layers: [{ ...first, inputDim: Math.min(256, Number(first.inputDim)) }, ...rest],
    };
    const name = `tokens-${seed}`;
    if (writeCase(dir, { name, spec, seed, packing: packingOf(spec, undefined, seed) })) names.push(name);
  }
  return names;
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
  const exampleFiles = readdirSync('examples')
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of exampleFiles) {
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
  // Sequence models (an Embedding first, or a GRU) with packings drawn per layer, drawn apart so the cases
  // above stay the same.
  const sequenceCases = Math.ceil(wanted / 6);
  for (
    let seed = firstSeed, found = 0;
    found < sequenceCases && seed < firstSeed + 40 * sequenceCases;
    seed++
  ) {
    const spec = randomModel(seed, { embedding: true, gru: true });
    if (!spec.layers.some((l) => l.type === 'GRU' || l.type === 'Embedding')) continue;
    const name = `sequence-${seed}`;
    if (writeCase(dir, { name, spec, seed, packing: packingOf(spec, undefined, seed) })) {
      names.push(name);
      found++;
    }
  }
  names.push(...tokenCases(dir, firstSeed, Math.ceil(wanted / 10)));
  // The audio front end alone (its features are the model output, compared byte for byte), with the
  // default parameters and with other ones.
  for (const [name, samples, params] of AUDIO_CASES) {
    const spec = {
      format: 'minnow-model',
      version: 1,
      name,
      input: { shape: [samples] },
      layers: [{ id: 'spec', type: 'Spectrogram', ...params }],
    };
    for (const tones of [false, true]) {
      const named = tones ? `${name}-tones` : name;
      if (writeCase(dir, { name: named, spec: parseModelJson(JSON.stringify(spec)), seed: 11, tones }))
        names.push(named);
    }
  }
  // Random models reading raw audio through a small Spectrogram.
  for (
    let seed = firstSeed, found = 0;
    found < Math.ceil(wanted / 10) && seed < firstSeed + 40 * wanted;
    seed++
  ) {
    const spec = randomModel(seed, { audio: true });
    if (spec.layers[0]?.type !== 'Spectrogram') continue;
    const name = `audio-${seed}`;
    if (writeCase(dir, { name, spec, seed })) {
      names.push(name);
      found++;
    }
  }
  // The examples and some random models again with int4 and ternary weights in every packable layer (and
  // int8 for an example whose layers ask for a packing: the baseline of the bench's per-token ratios).
  for (const file of exampleFiles) {
    const spec = parseModelJson(readFileSync(join('examples', file), 'utf8'));
    const packed = spec.layers.some((l) => l.packing !== undefined && l.packing !== 'int8');
    for (const all of packed ? PACKINGS : (['int4', 'ternary'] as const)) {
      const name = `example-${file.replace(/\.json$/, '')}-${all}`;
      if (writeCase(dir, { name, spec, seed: 7, packing: packingOf(spec, all, 7) })) names.push(name);
    }
  }
  for (let seed = firstSeed; seed < firstSeed + Math.ceil(wanted / 8); seed++) {
    const spec = randomModel(seed);
    if (writeCase(dir, { name: `packed-${seed}`, spec, seed, packing: packingOf(spec, undefined, seed) }))
      names.push(`packed-${seed}`);
  }
  // The char-LM of firmware-generate-check.ts, one token per run from a zero state.
  const charLm = charLmBlob(false);
  const lm = prepare(readBlob(charLm));
  const token = Int8Array.of(72 - 128);
  const next = run(lm, token, new Uint8Array(lm.blob.header.arenaSize));
  writeFileSync(join(dir, 'char-lm.bin'), charLm);
  writeFileSync(join(dir, 'char-lm.in'), new Uint8Array(token.buffer));
  writeFileSync(join(dir, 'char-lm.out'), new Uint8Array(next.buffer, next.byteOffset, next.length));
  names.push('char-lm');
  writeFileSync(join(dir, 'cases.txt'), `${names.join('\n')}\n`);
  writeFileSync(join(dir, 'examples.txt'), `${names.slice(0, examples).join('\n')}\n`);
  console.log(`golden: ${examples} example and ${names.length - examples} random cases in ${dir}`);
}

main();
