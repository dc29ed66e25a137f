/**
 * Test support shared by every comparison with tfjs: the pure-JS cpu backend, and the tfjs-layers factory of
 * each Minnow layer type (the one table the training builder uses too).
 */
import * as tf from '@tensorflow/tfjs';

// PROD silences tfjs's advice to install the native Node backend; the pure-JS cpu backend is what we want.
tf.env().set('PROD', true);
await tf.setBackend('cpu');

export { TFJS_LAYERS, type LayerFactory } from '../../train/build/tfjs-layers.ts';
