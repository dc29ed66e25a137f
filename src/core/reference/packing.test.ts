import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../blob/compile.ts';
import { blobSize } from '../blob/size.ts';
import { ElementType, OPCODE } from '../blob/format.ts';
import { readBlob } from '../blob/reader.ts';
import { mutate } from '../blob/test-blob.ts';
import { analyzeModel } from '../model/analyze.ts';
import type { AnalyzedModel, ModelSpec } from '../model/types.ts';
import { PACKABLE_OPS, PACKING_TYPE, type WeightPacking } from '../quant/packing.ts';
import { randomInputs, randomWeights } from '../quant/random-weights.ts';
import type { FloatWeights } from '../quant/types.ts';
import { prepare } from './interpreter.ts';
import { stepErrors, type Case } from './test-harness.ts';

const example = (file: string) =>
  analyzeModel(JSON.parse(readFileSync(`examples/${file}`, 'utf8')) as ModelSpec);
/** Layers with kernels; Embedding tables have their own tests (embedding-packing.test.ts). */
const packable = (m: AnalyzedModel) =>
  m.layers.filter((l) => PACKABLE_OPS.has(l.type) && l.type !== 'Embedding');
const everyLayer = (m: AnalyzedModel, p: WeightPacking) =>
  Object.fromEntries(packable(m).map((l) => [l.id, p]));

const KERNELS = ['kernel', 'recurrent_kernel', 'depthwise_kernel'];

/**
 * Kernels whose values lie exactly on a packing's grid, built here without the compiler: channel c (the
 * last axis, the last two of a depthwise kernel) holds levels in [−top, top] times step·(c + 1), with level
 * `top` present in every channel.
 */
function onGrid(m: AnalyzedModel, weights: FloatWeights, top: number, step = 0.01): FloatWeights {
  const out: Record<string, Record<string, Float32Array>> = { ...weights };
  for (const layer of packable(m)) {
    const own: Record<string, Float32Array> = { ...weights[layer.id] };
    for (const spec of layer.weights.filter((w) => KERNELS.includes(w.name))) {
      const axes = spec.name === 'depthwise_kernel' ? spec.shape.slice(-2) : spec.shape.slice(-1);
      const channels = axes.reduce((a, b) => a * b, 1);
      const levels = (i: number) => (i < channels ? top : ((i * 7919) % (2 * top + 1)) - top);
      own[spec.name] = (own[spec.name] as Float32Array).map(
        (_, i) => levels(i) * step * ((i % channels) + 1),
      );
    }
    out[layer.id] = own;
  }
  return out;
}

describe('int4 and ternary weights (F-30, F-75)', () => {
  for (const [packing, top] of [
    ['int4', 7],
    ['ternary', 1],
  ] as const) {
    for (const file of ['mnist-mlp.json', 'lenet.json', 'mobilenet-ds.json', 'imu-conv1d.json']) {
      it(`${file} ${packing}: every step within one quantization step of tfjs on grid weights`, () => {
        const model = example(file);
        const weights = onGrid(model, randomWeights(model, 2), top);
        const calibration = randomInputs(model, 3, 5);
        const compiled = compileModel(model, weights, { calibration, packing: everyLayer(model, packing) });
        const c: Case = { model, weights, compiled, program: prepare(readBlob(compiled.blob)) };
        // Every Dense and convolution op (opcodes 1–4) reads its weights in the packing.
        const { ops, tensors } = c.program.blob;
        const weightOps = ops.filter((op) => op.opcode <= OPCODE.Conv1D);
        expect(new Set(weightOps.map((op) => tensors[op.const0]?.type))).toEqual(
          new Set([PACKING_TYPE[packing]]),
        );
        for (const { step, error } of stepErrors(c, calibration))
          expect(error, `${step.op} ${step.layerIds.join('+')}`).toBeLessThanOrEqual(1);
      }, 30_000);
    }

    it(`a GRU with ${packing} weights stays within 2 output steps of tfjs on grid weights`, () => {
      const model = analyzeModel({
        format: 'minnow-model',
        version: 1,
        name: 'gru',
        input: { shape: [12, 4] },
        layers: [
          { id: 'g', type: 'GRU', units: 16, returnSequences: true },
          { id: 'out', type: 'Dense', units: 3 },
        ],
      });
      // Small recurrent gains: a GRU with large ones amplifies any rounding step after step.
      const weights = onGrid(model, randomWeights(model, 3), top, 1 / (48 * top));
      const calibration = randomInputs(model, 3, 6);
      const compiled = compileModel(model, weights, { calibration, packing: everyLayer(model, packing) });
      const c: Case = { model, weights, compiled, program: prepare(readBlob(compiled.blob)) };
      for (const { step, error } of stepErrors(c, calibration))
        expect(error, step.op).toBeLessThanOrEqual(step.op === 'GRU' ? 2 : 1);
    });
  }

  it('blobSize honours the packing: the 784-100-10 MLP weights take 1/2 (int4) and 1/5 (ternary) of the bytes', () => {
    const model = example('mnist-mlp.json');
    const sizes = (['int8', 'int4', 'ternary'] as const).map((p) => {
      const packing = everyLayer(model, p);
      const size = blobSize(model, undefined, packing);
      const blob = compileModel(model, randomWeights(model, 1), {
        calibration: randomInputs(model, 1, 1),
        packing,
      });
      expect(blob.blob.length).toBe(size);
      return size;
    });
    const weights = 784 * 100 + 100 * 10;
    expect(sizes[0]).toBe(81_096);
    expect((sizes[0] as number) - (sizes[1] as number)).toBe(weights / 2);
    // ceil(78,400 / 5) + ceil(1,000 / 5), each padded to 16 bytes: 15,680 + 200 (+ 8 of padding).
    expect((sizes[0] as number) - (sizes[2] as number)).toBeGreaterThanOrEqual(weights - 15_680 - 200 - 16);
  });

  it("a layer's own `packing` parameter packs it, as the compile option does, in the blob and in blobSize", () => {
    const spec = JSON.parse(readFileSync('examples/mnist-mlp.json', 'utf8')) as ModelSpec;
    const model = example('mnist-mlp.json');
    const hidden = packable(model)[0]?.id ?? '';
    const withParam = analyzeModel({
      ...spec,
      layers: spec.layers.map((l) => (l.id === hidden ? { ...l, packing: 'int4' } : l)),
    });
    const weights = randomWeights(model, 2);
    const calibration = randomInputs(model, 1, 2);
    const byParam = compileModel(withParam, weights, { calibration }).blob;
    const byOption = compileModel(model, weights, { calibration, packing: { [hidden]: 'int4' } }).blob;
    expect(byParam).toEqual(byOption);
    expect(blobSize(withParam)).toBe(byParam.length);
    expect(blobSize(model) - blobSize(withParam)).toBe((784 * 100) / 2);
  });

  it('F-30: a reader refuses int4 or ternary weights of an op that reads int8 only (E317)', () => {
    const model = analyzeModel({
      format: 'minnow-model',
      version: 1,
      name: 'bn',
      input: { shape: [8] },
      layers: [{ id: 'bn', type: 'BatchNormalization' }],
    });
    const { blob } = compileModel(model, randomWeights(model, 1), { calibration: randomInputs(model, 1, 1) });
    const weights = readBlob(blob).ops[0]?.const0 ?? 0;
    for (const type of [ElementType.INT4, ElementType.TERNARY]) {
      const bytes = mutate(blob, (v) =>
        v.setUint8(64 + 16 * weights, (v.getUint8(64 + 16 * weights) & 0xf0) | type),
      );
      expect(() => readBlob(bytes)).toThrow(expect.objectContaining({ id: 'BLOB_PACKING_UNSUPPORTED' }));
    }
  });

  it('packings are refused with E624 on layers whose kernels read int8 only', () => {
    const model = analyzeModel({
      format: 'minnow-model',
      version: 1,
      name: 'bn',
      input: { shape: [8] },
      layers: [{ id: 'bn', type: 'BatchNormalization' }],
    });
    expect(() =>
      compileModel(model, randomWeights(model, 1), {
        calibration: randomInputs(model, 1, 1),
        packing: { bn: 'int4' },
      }),
    ).toThrow(expect.objectContaining({ id: 'COMPILE_UNSUPPORTED', layerId: 'bn' }));
  });
});
