/**
 * Test support shared by every comparison with tfjs: the pure-JS cpu backend and the tfjs-layers factory for
 * each Minnow layer type (the model file uses tfjs's names, so parameters pass through unchanged).
 */
import * as tf from '@tensorflow/tfjs';

// PROD silences tfjs's advice to install the native Node backend; the pure-JS cpu backend is what we want.
tf.env().set('PROD', true);
await tf.setBackend('cpu');

export type LayerFactory = (args: Record<string, unknown>) => tf.layers.Layer;

export const TFJS_LAYERS = {
  Dense: tf.layers.dense,
  Conv2D: tf.layers.conv2d,
  DepthwiseConv2D: tf.layers.depthwiseConv2d,
  Conv1D: tf.layers.conv1d,
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
} as unknown as Record<string, LayerFactory>;
