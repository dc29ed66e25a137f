import * as tf from '@tensorflow/tfjs';
import { spectrogramLayer } from './spectrogram-layer.ts';

export type LayerFactory = (args: Record<string, unknown>) => tf.layers.Layer;

/** The tfjs-layers factory of each Minnow layer type: the model file uses tfjs's names and parameters. */
export const TFJS_LAYERS: Readonly<Record<string, LayerFactory>> = {
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
  Spectrogram: spectrogramLayer,
} as unknown as Record<string, LayerFactory>;
