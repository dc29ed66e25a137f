import * as tf from '@tensorflow/tfjs';
import type { AnalyzedModel } from '../core/model/types.ts';
import { installCpuKernels } from './cpu-kernels.ts';

export type BackendName = 'webgl' | 'wasm' | 'cpu';

export interface BackendInfo {
  readonly name: BackendName;
  /** The GPU or software renderer behind WebGL, when the browser tells. */
  readonly device?: string;
  /** Why each backend before the chosen one was passed over. */
  readonly skipped: readonly { readonly name: BackendName; readonly reason: string }[];
}

/** Layers the tfjs WASM backend can train (tfjs 4.22 has no convolution or pooling gradients there). */
const WASM_TRAINABLE = new Set(['Dense', 'Flatten', 'Reshape', 'Dropout', 'Activation', 'ReLU', 'Softmax']);

/** WebGL first (the GPU), WASM for dense-only models, the plain JS cpu backend last. */
export function backendOrder(model: AnalyzedModel): BackendName[] {
  const denseOnly = model.layers.every((l) => WASM_TRAINABLE.has(l.type));
  return denseOnly ? ['webgl', 'wasm', 'cpu'] : ['webgl', 'cpu'];
}

interface WebglBackend {
  gpgpu?: { gl?: WebGLRenderingContext };
}

function rendererOf(backend: unknown): string | undefined {
  const gl = (backend as WebglBackend).gpgpu?.gl;
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  const renderer: unknown = info ? gl?.getParameter(info.UNMASKED_RENDERER_WEBGL) : undefined;
  return typeof renderer === 'string' ? renderer : undefined;
}

/**
 * Starts the first backend of `backendOrder` that works here, or `only` when given (for benchmarks). A
 * backend is skipped when it is not bundled (WASM needs @tensorflow/tfjs-backend-wasm) or fails to start.
 */
export async function chooseBackend(model: AnalyzedModel, only?: BackendName): Promise<BackendInfo> {
  const skipped: { name: BackendName; reason: string }[] = [];
  for (const name of only ? [only, 'cpu' as const] : backendOrder(model)) {
    if (!tf.findBackendFactory(name)) {
      skipped.push({ name, reason: 'not bundled with this build' });
      continue;
    }
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        if (name === 'cpu') installCpuKernels();
        const device = name === 'webgl' ? rendererOf(tf.backend()) : undefined;
        return { name, ...(device ? { device } : {}), skipped };
      }
      skipped.push({ name, reason: 'failed to start in this browser' });
    } catch (e) {
      skipped.push({ name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  throw new Error(`no tfjs backend started: ${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}`);
}
