import { describe, expect, it } from 'vitest';
import { compileModel } from '../blob/compile.ts';
import { readBlob } from '../blob/reader.ts';
import { analyzeModel } from '../model/analyze.ts';
import { randomWeights } from '../quant/random-weights.ts';
import { generateGreedy } from './generate.ts';
import { prepare } from './interpreter.ts';
import { sampleTokens, temperatureChoice } from './sample.ts';
import { languageModelSpec } from '../testing/language-model.ts';

const model = analyzeModel(languageModelSpec({ vocab: 30, units: 12 }));
const calibration = [3, 9, 27, 1, 0].map((t) => Float32Array.of(t));
const program = prepare(
  readBlob(compileModel(model, randomWeights(model, 4), { calibration, keepGruState: true }).blob),
);
const arena = () => new Uint8Array(program.blob.header.arenaSize);

describe('sampling with a temperature on the int8 model', () => {
  it('temperature 0 is the greedy loop of P-16, token for token', () => {
    const greedy = generateGreedy(program, arena(), [4, 8], 20);
    expect(sampleTokens(program, arena(), [4, 8], 20, { temperature: 0, seed: 3 })).toEqual(greedy);
  });

  it('draws each token as often as exp(logit / T) says, the logits being the int8 output × scale', () => {
    const output = Int8Array.of(10, 0, -20, 10, 40);
    const [scale, temperature] = [0.05, 0.8];
    const choose = temperatureChoice(scale, temperature, 9);
    const counts = new Array<number>(output.length).fill(0);
    const draws = 40_000;
    for (let i = 0; i < draws; i++) counts[choose(output)]! += 1;
    const e = Array.from(output, (q) => Math.exp((q * scale) / temperature));
    const total = e.reduce((a, b) => a + b, 0);
    e.forEach((w, i) => expect(Math.abs((counts[i] as number) / draws - w / total)).toBeLessThan(0.01));
  });

  it('a seed repeats a text; another seed, or a high temperature, writes another', () => {
    const text = (seed: number, temperature = 1) =>
      sampleTokens(program, arena(), [1, 2, 3], 40, { temperature, seed });
    expect(text(5)).toEqual(text(5));
    expect(text(6)).not.toEqual(text(5));
    const distinct = (tokens: number[]) => new Set(tokens).size;
    expect(distinct(text(5, 50))).toBeGreaterThan(distinct(text(5, 0)));
  });

  it('shows each token as it is chosen', () => {
    const seen: [number, number][] = [];
    const tokens = sampleTokens(program, arena(), [7], 6, {
      temperature: 1,
      seed: 2,
      onToken: (token, index) => seen.push([token, index]),
    });
    expect(seen).toEqual(tokens.map((t, i) => [t, i]));
  });
});
