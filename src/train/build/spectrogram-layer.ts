import * as tf from '@tensorflow/tfjs';
import {
  audioFeatures,
  frameCount,
  SPECTROGRAM_DEFAULTS,
  type SpectrogramParams,
} from '../../core/quant/spectrogram.ts';

/** FNV-1a over a clip's float bits: the key of the feature cache. */
function clipKey(x: Float32Array): string {
  const words = new Uint32Array(x.buffer, x.byteOffset, x.length);
  let h = 0x811c9dc5;
  for (const w of words) h = Math.imul(h ^ w, 0x01000193) >>> 0;
  return `${x.length}:${h}`;
}

/** Clips seen recently: training shows each clip once per epoch, and its features never change. */
const CACHE_LIMIT = 4096;

/**
 * The Spectrogram as a tfjs layer (F-77): each clip's features are the integer kernel's own (audioFeatures),
 * so tfjs trains on exactly the numbers the board computes. It has no weights and passes no gradient (it
 * reads the model input only).
 */
export class SpectrogramLayer extends tf.layers.Layer {
  static readonly className = 'MinnowSpectrogram';
  private readonly params: SpectrogramParams;
  private readonly cache = new Map<string, Float32Array>();

  constructor(args: Partial<SpectrogramParams>) {
    super({ trainable: false });
    this.params = { ...SPECTROGRAM_DEFAULTS, ...args };
  }

  override computeOutputShape(shape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = (Array.isArray(shape[0]) ? shape[0] : shape) as tf.Shape;
    return [s[0] ?? null, frameCount(Number(s[1]), this.params), this.params.melBins];
  }

  private features(clip: Float32Array): Float32Array {
    const key = clipKey(clip);
    let f = this.cache.get(key);
    if (!f) {
      f = audioFeatures(clip, this.params);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, f);
    }
    return f;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? (inputs[0] as tf.Tensor) : inputs;
    const [batch = 0, samples = 0] = x.shape;
    const data = x.dataSync() as Float32Array;
    const frames = frameCount(samples, this.params);
    const mels = this.params.melBins;
    const out = new Float32Array(batch * frames * mels);
    for (let b = 0; b < batch; b++)
      out.set(this.features(data.subarray(b * samples, (b + 1) * samples)), b * frames * mels);
    return tf.tensor3d(out, [batch, frames, mels]);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.params };
  }
}

tf.serialization.registerClass(SpectrogramLayer);

export const spectrogramLayer = (args: Record<string, unknown>): tf.layers.Layer =>
  new SpectrogramLayer(args as Partial<SpectrogramParams>);
