import * as tf from '@tensorflow/tfjs';
import { INPUT_ID, type AnalyzedModel } from '../../core/model/types.ts';
import { layerArgs } from './layer-args.ts';

type Factory = (args: Record<string, unknown>) => tf.layers.Layer;

const FACTORIES: Readonly<Record<string, Factory>> = {
  Dense: tf.layers.dense,
  Conv2D: tf.layers.conv2d,
  Conv1D: tf.layers.conv1d,
  DepthwiseConv2D: tf.layers.depthwiseConv2d,
  MaxPooling2D: tf.layers.maxPooling2d,
  AveragePooling2D: tf.layers.averagePooling2d,
  MaxPooling1D: tf.layers.maxPooling1d,
  GlobalAveragePooling2D: tf.layers.globalAveragePooling2d,
  Flatten: tf.layers.flatten,
  Reshape: tf.layers.reshape,
  Dropout: tf.layers.dropout,
  BatchNormalization: tf.layers.batchNormalization,
  Activation: tf.layers.activation,
  ReLU: tf.layers.reLU,
  Softmax: tf.layers.softmax,
  Add: tf.layers.add,
  Concatenate: tf.layers.concatenate,
  Embedding: tf.layers.embedding,
  GRU: tf.layers.gru,
} as unknown as Record<string, Factory>;

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
    const made = (FACTORIES[layer.type] as Factory)(args);
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
