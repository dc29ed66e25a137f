/**
 * Test support: writes a model the way tfjs `model.save()` does (model.json + one weights shard), using tfjs
 * itself, so fixtures never come from the importer under test.
 */
import * as tf from '@tensorflow/tfjs';
import '../../testing/test-tfjs-layers.ts';
import { encodeUtf8 } from '../../blob/utf8.ts';
import type { ImportFile } from '../types.ts';

export const SHARD = 'group1-shard1of1.bin';

/** The files tfjs writes for `model`: a model.json whose manifest names one shard, and the shard. */
export async function savedFiles(
  model: tf.LayersModel,
): Promise<{ json: Record<string, unknown>; shard: Uint8Array }> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const a = saved as tf.io.ModelArtifacts;
  const data = a.weightData;
  const buffers = data === undefined ? [] : Array.isArray(data) ? data : [data];
  const shard = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of buffers) {
    shard.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  const json = {
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: null,
    modelTopology: a.modelTopology,
    weightsManifest: [{ paths: [SHARD], weights: a.weightSpecs }],
  };
  return { json, shard };
}

export function asFiles(json: unknown, shard: Uint8Array, jsonName = 'model.json'): ImportFile[] {
  return [
    { name: jsonName, bytes: encodeUtf8(JSON.stringify(json)) },
    { name: SHARD, bytes: shard },
  ];
}

export async function savedModel(model: tf.LayersModel): Promise<ImportFile[]> {
  const { json, shard } = await savedFiles(model);
  return asFiles(json, shard);
}
