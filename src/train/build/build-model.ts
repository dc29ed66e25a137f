import * as tf from '@tensorflow/tfjs';
import { INPUT_ID, type AnalyzedModel } from '../../core/model/types.ts';
import { layerArgs } from './layer-args.ts';
import { TFJS_LAYERS, type LayerFactory } from './tfjs-layers.ts';

/** A tfjs model built from a model file, with each tfjs layer and output found by the file's layer id. */
export interface BuiltModel {
  readonly analyzed: AnalyzedModel;
  readonly model: tf.LayersModel;
  readonly layers: ReadonlyMap<string, tf.layers.Layer>;
  readonly outputs: ReadonlyMap<string, tf.SymbolicTensor>;
}

/**
 * Builds the tfjs functional model of an analyzed model file. Layer names are left to tfjs (ids may hold
 * characters tfjs refuses in names); `layers` maps ids to them.
 */
export function buildModel(analyzed: AnalyzedModel): BuiltModel {
  const input = tf.input({ shape: [...analyzed.inputShape] });
  const outputs = new Map<string, tf.SymbolicTensor>([[INPUT_ID, input]]);
  const layers = new Map<string, tf.layers.Layer>();
  for (const layer of analyzed.layers) {
    const args = layerArgs(layer);
    const made = (TFJS_LAYERS[layer.type] as LayerFactory)(args);
    const inputs = layer.inputs.map((id) => outputs.get(id) as tf.SymbolicTensor);
    outputs.set(
      layer.id,
      made.apply(inputs.length === 1 ? (inputs[0] as tf.SymbolicTensor) : inputs) as tf.SymbolicTensor,
    );
    layers.set(layer.id, made);
  }
  const model = tf.model({ inputs: input, outputs: outputs.get(analyzed.outputId) as tf.SymbolicTensor });
  return { analyzed, model, layers, outputs };
}
