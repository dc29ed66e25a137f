import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../../blob/utf8.ts';
import { isMinnowError, type MinnowError } from '../../errors.ts';
import { importModelFiles } from '../index.ts';
import type { ImportFile } from '../types.ts';
import { asFiles, savedFiles, SHARD } from './test-save.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The coded error importing `files` throws (never anything else). */
function refusal(files: readonly ImportFile[]): MinnowError {
  try {
    importModelFiles(files);
  } catch (e) {
    if (isMinnowError(e)) return e;
    throw e;
  }
  throw new Error('the import was not refused');
}

const text = (name: string, value: string): ImportFile => ({ name, bytes: encodeUtf8(value) });

async function saved(layers: tf.layers.Layer[]): Promise<{ json: Json; shard: Uint8Array }> {
  const { json, shard } = await savedFiles(tf.sequential({ layers }));
  return { json: json as Json, shard };
}

const dense = () =>
  saved([
    tf.layers.dense({ inputShape: [4], units: 3, name: 'fc' }),
    tf.layers.dense({ units: 2, name: 'out' }),
  ]);

describe('importing a damaged or unsupported tfjs model says why, with a code', () => {
  it('E670: no model.json, or two models at once', async () => {
    expect(refusal([]).code).toBe(670);
    expect(refusal([{ name: SHARD, bytes: new Uint8Array(8) }]).code).toBe(670);
    const { json, shard } = await dense();
    const two = [...asFiles(json, shard), text('other.json', JSON.stringify(json))];
    expect(refusal(two).message).toMatch(/model\.json and other\.json are both models/);
  });

  it('E671: bad JSON, a graph model, no topology, no weights manifest', () => {
    expect(refusal([text('model.json', '{"modelTopology": {')]).message).toMatch(/not valid JSON/);
    expect(refusal([text('model.json', '{"format":"graph-model","modelTopology":{}}')]).message).toMatch(
      /graph model/,
    );
    expect(refusal([text('model.json', '[1, 2]')]).code).toBe(671);
    expect(refusal([text('model.json', '{"modelTopology": {"class_name": "Sequential"}}')]).code).toBe(671);
    const layer = { class_name: 'Dense', config: { name: 'd', units: 2, batch_input_shape: [null, 2] } };
    const topology = { class_name: 'Sequential', config: { layers: [layer] } };
    expect(refusal([text('model.json', JSON.stringify({ modelTopology: topology }))]).message).toMatch(
      /no "weightsManifest"/,
    );
    expect(
      refusal([text('model.json', JSON.stringify({ modelTopology: topology, weightsManifest: {} }))]).code,
    ).toBe(671);
  });

  it('E673/E674: a missing shard, a shard shorter than the manifest says', async () => {
    const { json, shard } = await dense();
    const missing = refusal([asFiles(json, shard)[0] as ImportFile]);
    expect(missing.code).toBe(673);
    expect(missing.message).toContain(SHARD);
    const short = refusal(asFiles(json, shard.slice(0, shard.length - 1)));
    expect(short.code).toBe(674);
    expect(short.message).toContain(`${shard.length - 1} bytes`);
  });

  it('E675: a dtype Minnow cannot read', async () => {
    const { json, shard } = await dense();
    json.weightsManifest[0].weights[0].dtype = 'complex64';
    expect(refusal(asFiles(json, shard)).message).toMatch(/"fc\/kernel" is stored as "complex64"/);
    json.weightsManifest[0].weights[0].dtype = 'float32';
    json.weightsManifest[0].weights[0].quantization = { dtype: 'int4' };
    expect(refusal(asFiles(json, shard)).code).toBe(675);
  });

  it('E676: a weight the manifest lacks, or of the wrong size', async () => {
    const { json, shard } = await dense();
    json.weightsManifest[0].weights[1].name = 'fc/other';
    expect(refusal(asFiles(json, shard)).message).toMatch(/Layer 0 "fc" \(Dense\) needs the weight "bias"/);
    const again = await dense();
    // The manifest says [2, 3]: the shard is long enough, but the layer's kernel is [4, 3].
    again.json.weightsManifest[0].weights[0].shape = [2, 3];
    const e = refusal(asFiles(again.json, again.shard));
    expect(e.code).toBe(676);
    expect(e.message).toMatch(/"kernel" of shape \[4, 3\]: the shards hold 6 values/);
  });

  it('E677: cyclic inbound nodes, dangling inputs, two outputs, a shared layer', async () => {
    const input = tf.input({ shape: [4], name: 'in' });
    const a = tf.layers.dense({ units: 4, name: 'a' }).apply(input) as tf.SymbolicTensor;
    const b = tf.layers.dense({ units: 4, name: 'b' }).apply(a) as tf.SymbolicTensor;
    const { json, shard } = await savedFiles(tf.model({ inputs: input, outputs: b }));
    const layers = (json as Json).modelTopology.config.layers as Json[];
    const layerA = layers.find((l) => l.name === 'a') as Json;
    layerA.inbound_nodes = [[['b', 0, 0, {}]]];
    const cycle = refusal(asFiles(json, shard));
    expect(cycle.code).toBe(677);
    expect(cycle.message).toMatch(/cycle/);
    layerA.inbound_nodes = [[['nowhere', 0, 0, {}]]];
    expect(refusal(asFiles(json, shard)).message).toMatch(/reads "nowhere", which is not a layer/);
    layerA.inbound_nodes = [[['in', 0, 0, {}]], [['in', 0, 0, {}]]];
    const shared = refusal(asFiles(json, shard));
    expect([shared.code, shared.message]).toEqual([672, expect.stringMatching(/used 2 times/)]);
    layerA.inbound_nodes = [[['in', 0, 0, {}]]];
    (json as Json).modelTopology.config.output_layers = [
      ['a', 0, 0],
      ['b', 0, 0],
    ];
    expect(refusal(asFiles(json, shard)).message).toMatch(/2 outputs/);
  });

  it('E677: a topology with more layers than any Minnow model holds is refused before it is walked', () => {
    const layers = Array.from({ length: 1600 }, (_, i) => ({
      class_name: 'Dense',
      config: { name: `d${i}`, units: 1, ...(i === 0 ? { batch_input_shape: [null, 1] } : {}) },
    }));
    const json = { modelTopology: { class_name: 'Sequential', config: { layers } }, weightsManifest: [] };
    expect(refusal([text('model.json', JSON.stringify(json))]).message).toMatch(/more than 1500 layers/);
  });

  it('E678: absurd shapes in the topology or the manifest, with no huge allocation', async () => {
    const { json, shard } = await dense();
    const first = json.modelTopology.config.layers[0].config;
    first.batch_input_shape = [null, 100000, 100000, 3];
    expect(refusal(asFiles(json, shard)).code).toBe(678);
    first.batch_input_shape = [null, -4];
    expect(refusal(asFiles(json, shard)).message).toMatch(/whole number from 1 up/);
    first.batch_input_shape = [null, null];
    expect(refusal(asFiles(json, shard)).code).toBe(678);
    first.batch_input_shape = [null, 4];
    json.weightsManifest[0].weights[0].shape = [1e5, 1e5];
    expect(refusal(asFiles(json, shard)).code).toBe(674);
    json.weightsManifest[0].weights[0].shape = [1e9, 1e9];
    expect(refusal(asFiles(json, shard)).code).toBe(678);
    json.weightsManifest[0].weights[0].shape = [4, 'x'];
    expect(refusal(asFiles(json, shard)).code).toBe(678);
  });

  it('E672: an unsupported layer is named with its index and what Minnow runs instead', async () => {
    const lstm = await saved([
      tf.layers.dense({ inputShape: [5, 3], units: 4, name: 'proj' }),
      tf.layers.lstm({ units: 8, name: 'memory' }),
    ]);
    const e = refusal(asFiles(lstm.json, lstm.shard));
    expect(e.code).toBe(672);
    expect(e.message).toBe('Layer 1 "memory" (LSTM) cannot be imported: Minnow has no such layer.');
    expect(e.hint).toMatch(/^LSTM: not supported; GRU is/);
    const leaky = await saved([
      tf.layers.dense({ inputShape: [4], units: 4 }),
      tf.layers.leakyReLU({ name: 'lr' }),
    ]);
    expect(refusal(asFiles(leaky.json, leaky.shard)).hint).toMatch(/retrain with ReLU/);
    const elu = await saved([tf.layers.dense({ inputShape: [4], units: 4, activation: 'elu', name: 'd' })]);
    expect(refusal(asFiles(elu.json, elu.shard)).message).toMatch(/"d" \(Dense\).*activation "elu"/);
    const gru = await saved([tf.layers.gru({ inputShape: [3, 2], units: 2, name: 'g' })]);
    gru.json.modelTopology.config.layers[0].config.reset_after = true;
    expect(refusal(asFiles(gru.json, gru.shard)).hint).toMatch(/reset_after=False/);
    const dilated = await saved([
      tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 1, kernelSize: 3, dilationRate: 2 }),
    ]);
    expect(refusal(asFiles(dilated.json, dilated.shard)).message).toMatch(/dilation_rate/);
  });

  it('E672: a ZeroPadding2D that is not the "same" padding of the convolution after it', async () => {
    const odd = await saved([
      tf.layers.zeroPadding2d({
        inputShape: [6, 6, 1],
        padding: [
          [2, 0],
          [0, 0],
        ],
        name: 'zp',
      }),
      tf.layers.conv2d({ filters: 1, kernelSize: 3 }),
    ]);
    const e = refusal(asFiles(odd.json, odd.shard));
    expect(e.message).toMatch(/Layer 0 "zp" \(ZeroPadding2D\)/);
    expect(e.hint).toMatch(/padding "same"/);
    const beforePool = await saved([
      tf.layers.zeroPadding2d({ inputShape: [6, 6, 1], padding: 1, name: 'zp' }),
      tf.layers.maxPooling2d({ poolSize: 3 }),
    ]);
    expect(refusal(asFiles(beforePool.json, beforePool.shard)).code).toBe(672);
  });

  it('never throws anything but a coded error on bytes flipped in model.json', async () => {
    const { json, shard } = await dense();
    const bytes = encodeUtf8(JSON.stringify(json));
    for (let i = 0; i < bytes.length; i += 7) {
      const broken = bytes.slice();
      broken[i] = (broken[i] as number) ^ 0x5a;
      try {
        importModelFiles([
          { name: 'model.json', bytes: broken },
          { name: SHARD, bytes: shard },
        ]);
      } catch (e) {
        expect(isMinnowError(e), `byte ${i}: ${String(e)}`).toBe(true);
      }
    }
  });
});
