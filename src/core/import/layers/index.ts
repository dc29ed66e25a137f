import { analyzeModel } from '../../model/analyze.ts';
import { INPUT_ID, type LayerSpec, type ModelSpec } from '../../model/types.ts';
import type { ImportFile, ImportedModel } from '../types.ts';
import { buildLayers } from './build.ts';
import type { Emitted } from './emitted.ts';
import { readManifest } from './manifest.ts';
import { findModelJson } from './model-json.ts';
import { flattenTopology } from './topology.ts';

/** A Minnow layer spec; `inputs` is written only where the layer does not read the one before it. */
function layerSpec(layer: Emitted, previous: string): LayerSpec {
  const reads = layer.inputs.length === 1 && layer.inputs[0] === previous;
  return { id: layer.id, type: layer.type, ...(reads ? {} : { inputs: layer.inputs }), ...layer.params };
}

/** 1–64 characters, as a model name must be. */
function modelName(name: string, file: string): string {
  const base = name.trim() || file.replace(/\.json$/i, '');
  return base.slice(0, 64) || 'imported';
}

/** Reads a tfjs Layers model (`model.json` and its weight shards) into a Minnow model with its weights. */
export function importLayersModel(files: readonly ImportFile[]): ImportedModel {
  const found = findModelJson(files);
  const topology = flattenTopology(found.model, found.file);
  const manifest = readManifest(found.manifest, files, found.file);
  const { layers, notes } = buildLayers(topology, manifest);
  const renamed = topology.nodes.filter((n) => n.name !== n.kerasName);
  if (renamed.length > 0) {
    notes.unshift(
      `Layers whose name was used twice (or is longer than 64 characters) were renamed: ${renamed.map((n) => `"${n.kerasName}" → "${n.name}"`).join(', ')}.`,
    );
  }
  const model: ModelSpec = {
    format: 'minnow-model',
    version: 1,
    name: modelName(topology.name, found.file),
    input: { shape: [...topology.inputShape] },
    layers: layers.map((layer, i) => layerSpec(layer, layers[i - 1]?.id ?? INPUT_ID)),
  };
  analyzeModel(model);
  const weights = Object.fromEntries(layers.filter((l) => l.weights).map((l) => [l.id, { ...l.weights }]));
  return { model, weights, notes, source: { format: 'tfjs-layers', file: found.file } };
}
