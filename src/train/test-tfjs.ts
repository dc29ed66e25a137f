/** Test support: tfjs on its pure-JS cpu backend, quiet, as every src/train test runs it. */
import * as tf from '@tensorflow/tfjs';

tf.env().set('PROD', true);
await tf.setBackend('cpu');

export { tf };
