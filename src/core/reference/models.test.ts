import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../blob/compile.ts';
import { readBlob } from '../blob/reader.ts';
import { analyzeModel } from '../model/analyze.ts';
import type { ModelSpec } from '../model/types.ts';
import { placeStates } from '../plan/index.ts';
import { dequantize } from '../quant/calibrate.ts';
import { randomInputs, randomWeights } from '../quant/random-weights.ts';
import { randomModel } from '../testing/random-model.ts';
import { prepare, run } from './interpreter.ts';
import { argmax, compileCase, runInt8, sampleInputs, stepErrors, type Case } from './test-harness.ts';
import { fitReadout, prototypeInputs } from './test-readout.ts';
import { predict, tfjsModel } from './test-tfjs.ts';

/** Every layer int8: packed weights leave their own grid's error, which packing.test.ts bounds on its own. */
function int8Only(spec: ModelSpec): ModelSpec {
  return { ...spec, layers: spec.layers.map(({ packing: _packing, ...layer }) => layer) };
}

const EXAMPLES = readdirSync('examples')
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, int8Only(JSON.parse(readFileSync(`examples/${f}`, 'utf8')) as ModelSpec)] as const);
const isClassifier = (spec: ModelSpec) => spec.layers.at(-1)?.activation === 'softmax';

describe('example models, int8 reference against tfjs', () => {
  it('covers the examples', () => expect(EXAMPLES.length).toBeGreaterThanOrEqual(3));

  for (const [file, spec] of EXAMPLES) {
    it(`${file}: every step within one quantization step of tfjs on the same int8 inputs`, () => {
      // Calibrated on the very inputs it is checked on, weights rounded to their int8 grid: only the
      // integer arithmetic of each op is measured.
      const inputs = (m: Case['model']) => sampleInputs(m, 4, 7);
      const c = compileCase(spec, inputs, 1, true);
      for (const { step, error } of stepErrors(c, inputs(c.model))) {
        expect(error, `${step.op} ${step.layerIds.join('+')}`).toBeLessThanOrEqual(1);
      }
    });

    it(`${file}: the whole model with float weights stays within its stated bound on held-out inputs`, () => {
      const c = compileCase(spec, (m) => sampleInputs(m, 24, 3), 1, false);
      const inputs = sampleInputs(c.model, 4, 4);
      const expected = predict(
        tfjsModel(c.model, c.weights),
        inputs.map((x) => [x]),
      );
      // Classifiers: probabilities within 0.02; regression (sine) and logits (char-lm): within 8 output
      // steps. Token models read whole ids over their vocabulary (sampleInputs): tfjs truncates a fractional
      // id where the int8 input rounds it, so fractional ids would compare different table rows.
      const bound = isClassifier(spec) ? 0.02 : 8 * c.compiled.output.scale;
      inputs.forEach((x, i) => {
        const got = dequantize(runInt8(c, x).output, c.compiled.output);
        got.forEach((v, j) =>
          expect(Math.abs(v - ((expected[i] as Float32Array)[j] as number))).toBeLessThanOrEqual(bound),
        );
      });
    });
  }
});

describe('top-1 agreement between tfjs and int8 on 1,000 calibration-distribution inputs', () => {
  for (const [file, features] of [
    ['mnist-mlp.json', 'fc1'],
    ['lenet.json', 'fc2'],
  ] as const) {
    it(`${file}: at least 99 %`, () => {
      const model = analyzeModel(JSON.parse(readFileSync(`examples/${file}`, 'utf8')));
      const weights = fitReadout(model, randomWeights(model, 1), features, prototypeInputs(model, 500, 11));
      const compiled = compileModel(model, weights, { calibration: prototypeInputs(model, 200, 101).inputs });
      const c: Case = { model, weights, compiled, program: prepare(readBlob(compiled.blob)) };
      const { inputs, labels } = prototypeInputs(model, 1000, 201);
      const expected = predict(
        tfjsModel(model, weights),
        inputs.map((x) => [x]),
      );
      let agree = 0;
      let correct = 0;
      inputs.forEach((x, i) => {
        const float = argmax(expected[i] as Float32Array);
        if (argmax(runInt8(c, x).output) === float) agree++;
        if (float === labels[i]) correct++;
      });
      // The fitted classifier must be a real one (not one class for everything) for agreement to mean much.
      expect(correct).toBeGreaterThanOrEqual(950);
      expect(agree).toBeGreaterThanOrEqual(990);
    }, 60_000);
  }
});

describe('random models', () => {
  it('compile, and every step stays within one quantization step of tfjs', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const c = compileCase(
        randomModel(seed, { blocks: 3, maxLayerMacs: 100_000 }),
        (m) => randomInputs(m, 3, seed),
        seed,
      );
      for (const { step, error } of stepErrors(c, randomInputs(c.model, 3, seed))) {
        expect(error, `seed ${seed}: ${step.op} ${step.layerIds.join('+')}`).toBeLessThanOrEqual(1);
      }
    }
  }, 30_000);

  it('with a GRU whose activation is not tanh are refused with E624, naming the layer', () => {
    const model = analyzeModel({
      format: 'minnow-model',
      version: 1,
      name: 'gru',
      input: { shape: [10, 4] },
      layers: [
        { id: 'g', type: 'GRU', units: 8, activation: 'relu' },
        { id: 'out', type: 'Dense', units: 2 },
      ],
    });
    expect(() =>
      compileModel(model, randomWeights(model, 1), { calibration: randomInputs(model, 1, 1) }),
    ).toThrow(expect.objectContaining({ id: 'COMPILE_UNSUPPORTED', layerId: 'g' }));
  });
});

describe('the memory plan', () => {
  it('is the arena size in the blob, and gives the same output bytes as a private region per buffer', () => {
    const specs = [
      ...EXAMPLES.map(([, spec]) => spec),
      ...[1, 2, 3, 4, 5, 6].map((seed) => randomModel(seed, { blocks: 4, maxLayerMacs: 100_000 })),
    ];
    for (const spec of specs) {
      const model = analyzeModel(spec);
      const weights = randomWeights(model, 1);
      const calibration = randomInputs(model, 2, 1);
      const planned = compileModel(model, weights, { calibration });
      expect(readBlob(planned.blob).header.arenaSize).toBe(planned.plan.arenaBytes);
      const { graph } = planned.plan;
      const offsets = graph.buffers.map((_, b) =>
        graph.buffers.slice(0, b).reduce((sum, x) => sum + x.bytes, 0),
      );
      const { states, end } = placeStates(
        graph,
        graph.buffers.reduce((sum, x) => sum + x.bytes, 0),
      );
      const separate = compileModel(model, weights, {
        calibration,
        plan: { ...planned.plan, offsets, states, arenaBytes: end },
      });
      // Bytes: an int16 audio input takes two per sample (F-78).
      const bytes = graph.tensors[graph.inputTensor]?.bytes ?? 0;
      const input = Int8Array.from({ length: bytes }, (_, i) => ((i * 37) % 256) - 128);
      const outputs = [planned, separate].map((c) => {
        const program = prepare(readBlob(c.blob));
        return [...run(program, input, new Uint8Array(c.plan.arenaBytes))];
      });
      expect(outputs[0], spec.name).toEqual(outputs[1]);
    }
  });
});
