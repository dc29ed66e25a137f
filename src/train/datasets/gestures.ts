import { createRandom, type Random } from '../../core/random.ts';
import { gaussian } from './sine.ts';
import type { Dataset } from './types.ts';

export const GESTURES = ['idle', 'shake', 'circle', 'punch', 'flip'] as const;

export interface GestureOptions {
  readonly count?: number;
  /** Readings per sample: the model input's first axis. */
  readonly steps?: number;
  /** Values per reading: accelerometer x, y, z then gyroscope x, y, z, repeating if more. */
  readonly channels?: number;
  /** How many of GESTURES to draw from, from the first. */
  readonly classes?: number;
  readonly seed?: number;
}

const bump = (t: number, at: number, width: number) => Math.exp(-(((t - at) / width) ** 2));

/** Accelerometer (g) and gyroscope (rad/s, scaled) of one gesture at time t in [0, 1). */
function reading(
  gesture: number,
  t: number,
  v: { amp: number; speed: number; phase: number; at: number },
): number[] {
  const w = 2 * Math.PI * v.speed;
  switch (GESTURES[gesture]) {
    case 'shake':
      return [v.amp * Math.sin(4 * w * t + v.phase), 0, 1, 0, 0, 0.5 * v.amp * Math.cos(4 * w * t + v.phase)];
    case 'circle':
      return [v.amp * Math.cos(w * t + v.phase), v.amp * Math.sin(w * t + v.phase), 1, 0, 0, 0.8 * v.amp];
    case 'punch':
      return [
        2 * v.amp * bump(t, v.at, 0.05) - v.amp * bump(t, v.at + 0.1, 0.05),
        0,
        1,
        0,
        0.3 * bump(t, v.at, 0.08),
        0,
      ];
    case 'flip': {
      const turn = Math.min(1, Math.max(0, (t - v.at) / 0.3));
      return [
        0,
        Math.sin(Math.PI * turn) * 0.3,
        Math.cos(Math.PI * turn),
        v.amp * bump(t, v.at + 0.15, 0.1),
        0,
        0,
      ];
    }
    default:
      return [0, 0, 1, 0, 0, 0];
  }
}

function sample(
  r: Random,
  gesture: number,
  steps: number,
  channels: number,
  out: Float32Array,
  at: number,
): void {
  const v = {
    amp: 0.7 + 0.6 * r.float(),
    speed: 0.8 + 0.45 * r.float(),
    phase: 2 * Math.PI * r.float(),
    at: 0.25 + 0.35 * r.float(),
  };
  for (let s = 0; s < steps; s++) {
    const values = reading(gesture, s / steps, v);
    for (let c = 0; c < channels; c++)
      out[at + s * channels + c] = (values[c % 6] as number) + 0.05 * gaussian(r.float);
  }
}

/** Synthetic IMU gestures for demos: the same number of each class, seeded, samples [steps, channels]. */
export function gestureDataset(options: GestureOptions = {}): Dataset {
  const { count = 1000, steps = 128, channels = 6, seed = 1 } = options;
  const classes = Math.min(GESTURES.length, Math.max(2, options.classes ?? GESTURES.length));
  const r = createRandom(seed);
  const x = new Float32Array(count * steps * channels);
  const labels = Int32Array.from({ length: count }, (_, i) => i % classes);
  labels.forEach((g, i) => sample(r, g, steps, channels, x, i * steps * channels));
  const names = GESTURES.slice(0, classes);
  return {
    name: 'gestures',
    sampleShape: [steps, channels],
    count,
    x,
    target: { kind: 'classes', names, labels },
  };
}
