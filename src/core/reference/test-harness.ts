/**
 * Test support: compiles a model with seeded random weights, runs the int8 reference, and measures each
 * step against tfjs computing the same layers in float on the same (dequantized int8) inputs.
 */
import { compileModel, type Compiled } from '../blob/compile.ts';
import { readBlob } from '../blob/reader.ts';
import { analyzeModel } from '../model/analyze.ts';
import { INPUT_ID, shapeSize, type AnalyzedModel, type LayerSpec, type ModelSpec } from '../model/types.ts';
import type { ExecStep } from '../plan/types.ts';
import { dequantize, quantizeTensor } from '../quant/calibrate.ts';
import { randomInputs, randomWeights } from '../quant/random-weights.ts';
import type { FloatWeights, QuantParams } from '../quant/types.ts';
import { rootOf, viewSources } from '../quant/views.ts';
import { createRandom } from '../random.ts';
import { prepare, run, type Program } from './interpreter.ts';
import { predict, tfjsGraph } from './test-tfjs.ts';

export interface Case {
  readonly model: AnalyzedModel;
  readonly weights: FloatWeights;
  readonly compiled: Compiled;
  readonly program: Program;
}

/** Inputs uniform in [lo, hi), seeded. */
export function uniformInputs(
  model: AnalyzedModel,
  count: number,
  seed: number,
  lo = -1,
  hi = 1,
): Float32Array[] {
  const rnd = createRandom(seed);
  const n = shapeSize(model.inputShape);
  return Array.from({ length: count }, () =>
    Float32Array.from({ length: n }, () => lo + (hi - lo) * rnd.float()),
  );
}

/**
 * Inputs of `model` drawn from its input domain: whole token ids uniform over the vocabulary when the input
 * feeds an Embedding (tfjs truncates a fraction where the int8 input rounds it, F-73), else randomInputs.
 */
export function sampleInputs(model: AnalyzedModel, count: number, seed: number): Float32Array[] {
  const first = model.layers[0];
  if (first?.type !== 'Embedding' || first.inputs[0] !== INPUT_ID) return randomInputs(model, count, seed);
  const vocabulary = Number(first.params.inputDim);
  return uniformInputs(model, count, seed, 0, vocabulary).map((x) => x.map(Math.floor));
}

/**
 * Rounds every kernel to a whole multiple of its output channel's int8 step (max|w|/127), so that
 * quantizing it loses nothing: tfjs and the int8 model then hold the very same weights, and a step's error
 * is the integer arithmetic's alone. Channels are the last axis, or the last two for depthwise kernels.
 */
export function representable(model: AnalyzedModel, weights: FloatWeights): FloatWeights {
  const out: Record<string, Record<string, Float32Array>> = { ...weights };
  for (const layer of model.layers) {
    const own = weights[layer.id];
    if (!own) continue;
    out[layer.id] = { ...own };
    for (const spec of layer.weights.filter((w) => w.name === 'kernel' || w.name === 'depthwise_kernel')) {
      const w = own[spec.name] as Float32Array;
      const axes = spec.name === 'depthwise_kernel' ? spec.shape.slice(-2) : spec.shape.slice(-1);
      const channels = shapeSize(axes);
      const max = new Float64Array(channels);
      w.forEach((v, i) => (max[i % channels] = Math.max(max[i % channels] as number, Math.abs(v))));
      const step = (i: number) => (max[i % channels] as number) / 127;
      (out[layer.id] as Record<string, Float32Array>)[spec.name] = w.map(
        (v, i) => Math.round(v / step(i)) * step(i),
      );
    }
  }
  return out;
}

export function compileCase(
  spec: ModelSpec,
  calibration: (m: AnalyzedModel) => Float32Array[],
  seed = 1,
  exact = true,
): Case {
  const model = analyzeModel(spec);
  const raw = randomWeights(model, seed);
  const weights = exact ? representable(model, raw) : raw;
  const compiled = compileModel(model, weights, { calibration: calibration(model) });
  return { model, weights, compiled, program: prepare(readBlob(compiled.blob)) };
}

/** Runs the int8 model; returns the model output and every op's output (ops are the plan's steps, in order). */
export function runInt8(c: Case, input: Float32Array): { output: Int8Array; steps: Int8Array[] } {
  const steps: Int8Array[] = [];
  const arena = new Uint8Array(c.compiled.plan.arenaBytes);
  const output = run(
    c.program,
    quantizeTensor(input, c.compiled.input),
    arena,
    (i, y) => (steps[i] = y.slice()),
  );
  return { output, steps };
}

/** The layers tfjs runs for one step: the main layer (its own activation split off), a folded BN, fused clamps. */
function stepLayers(c: Case, step: ExecStep): LayerSpec[] {
  const specs = new Map(c.model.spec.layers.map((l) => [l.id, l]));
  const own = (id: string) => {
    const { inputs: _inputs, ...rest } = specs.get(id) as LayerSpec;
    return rest as LayerSpec;
  };
  if (step.op === 'Softmax') return [{ id: 's', type: 'Softmax', axis: -1 }];
  if (step.op === 'Activation') {
    const cap = step.reluMax === undefined ? [] : [{ id: 'cap', type: 'ReLU', maxValue: step.reluMax }];
    return [{ id: 'f', type: 'Activation', activation: step.func ?? 'relu' }, ...cap];
  }
  const [main, ...rest] = step.layerIds.map(own) as [LayerSpec, ...LayerSpec[]];
  const separate = ['sigmoid', 'tanh', 'softmax'].includes(String(main.activation));
  const first: LayerSpec = separate ? { ...main, activation: 'linear' } : main;
  const inputs = step.inputs.map((_, k) => `in${k}`);
  return [{ ...first, inputs }, ...rest];
}

/** Largest |int8 − float| of each step's output (the float clipped to the int8 range), in output steps. */
export function stepErrors(c: Case, inputs: readonly Float32Array[]): { step: ExecStep; error: number }[] {
  const graph = c.compiled.plan.graph;
  const views = viewSources(c.model, graph);
  const runs = inputs.map((x) => runInt8(c, x));
  const valueOf = (r: { steps: Int8Array[] }, x: Float32Array, id: number): Float32Array => {
    const root = rootOf(views, id);
    const q = c.compiled.quant[root] as QuantParams;
    if (root === graph.inputTensor) return dequantize(quantizeTensor(x, q), q);
    return dequantize(r.steps[graph.steps.findIndex((s) => s.output === root)] as Int8Array, q);
  };
  return graph.steps.map((step) => {
    const names = new Map(
      step.inputs.map((id, k) => [
        step.op === 'Softmax' || step.op === 'Activation' ? INPUT_ID : `in${k}`,
        graph.tensors[id]?.shape ?? [],
      ]),
    );
    const tfModel = tfjsGraph(names, stepLayers(c, step), c.weights);
    const samples = runs.map((r, i) => step.inputs.map((id) => valueOf(r, inputs[i] as Float32Array, id)));
    const expected = predict(tfModel, samples);
    tfModel.dispose();
    const q = c.compiled.quant[step.output] as QuantParams;
    // What int8 can hold at all: values beyond the calibrated range saturate by design.
    const [lo, hi] = [q.scale * (-128 - q.zeroPoint), q.scale * (127 - q.zeroPoint)];
    let error = 0;
    runs.forEach((r, i) => {
      const got = dequantize(r.steps[step.index] as Int8Array, q);
      got.forEach((v, j) => {
        const want = Math.min(hi, Math.max(lo, (expected[i] as Float32Array)[j] as number));
        error = Math.max(error, Math.abs(v - want) / q.scale);
      });
    });
    return { step, error };
  });
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}
