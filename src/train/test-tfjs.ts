/** Test support: tfjs on its pure-JS cpu backend, quiet, as every src/train test runs it. */
import * as tf from '@tensorflow/tfjs';
import { installCpuKernels } from './cpu-kernels.ts';

tf.env().set('PROD', true);
await tf.setBackend('cpu');
installCpuKernels();

export { tf };
