import { SAME, channels, conv, depthwise, dims, drawWindow, isImage, pool } from './spatial-layers.ts';
import {
  CHANNELS,
  UNITS,
  elementwise,
  withBatchNorm,
  type SpecBuilder,
  type Tensor,
} from './spec-builder.ts';

/** Blocks for [height, width, channels] images and [steps, channels] sequences; each may decline (undefined). */

/** A layer that keeps the shape exactly, for residual branches. */
function keep(b: SpecBuilder, t: Tensor): Tensor | undefined {
  const same = { ...SAME, size: b.random.pick([1, 3]) };
  switch (b.random.int(0, 3)) {
    case 0:
      return conv(b, t, b.activation(), same, channels(t));
    case 1:
      return depthwise(b, t, b.activation(), same) ?? conv(b, t, 'relu', same, channels(t));
    case 2:
      return withBatchNorm(b, (a) => conv(b, t, a, same, channels(t)));
    default:
      return elementwise(b, t);
  }
}

function residual(b: SpecBuilder, t: Tensor): Tensor | undefined {
  const branches: Tensor[] = [t];
  for (let i = b.random.chance(0.2) ? 2 : 1; i > 0; i--) {
    let branch: Tensor | undefined = t;
    for (let depth = b.random.int(1, 2); depth > 0 && branch; depth--) branch = keep(b, branch);
    if (!branch || branch === t) return undefined;
    branches.push(branch);
  }
  const sum = b.layer('Add', b.random.shuffle(branches), t.shape);
  return b.random.chance(0.5) ? b.layer('ReLU', sum, sum.shape) : sum;
}

function concat(b: SpecBuilder, t: Tensor): Tensor | undefined {
  const parts: Tensor[] = b.random.chance(0.4) ? [t] : [];
  const wanted = b.random.int(2, 3);
  let total = parts.length > 0 ? channels(t) : 0;
  for (let tries = 0; parts.length < wanted && tries < 6; tries++) {
    const pooled = b.random.chance(0.25);
    const width = pooled ? channels(t) : b.random.pick(CHANNELS.filter((c) => c <= 32));
    if (total + width > 64) continue;
    const part = pooled
      ? pool(b, t, { size: 3, stride: 1, padding: 'same' })
      : conv(b, t, b.activation(), { ...SAME, size: b.random.pick([1, 3]) }, width);
    if (part) {
      parts.push(part);
      total += channels(part);
    }
  }
  if (parts.length < 2) return undefined;
  const joined = [...dims(t), total];
  return b.layer('Concatenate', parts, joined, b.random.chance(0.5) ? {} : { axis: -1 });
}

/** Changes rank: image to sequence (Reshape), or sequence to image by adding a unit channel axis. */
function reshape(b: SpecBuilder, t: Tensor): Tensor {
  const [first = 1, second = 1] = t.shape;
  const target = isImage(t) ? [first * second, channels(t)] : [first, second, 1];
  const written = b.random.chance(0.5) ? target : target.map((d, i) => (i === 0 ? -1 : d));
  return b.layer('Reshape', t, target, { targetShape: written });
}

function sequenceOnly(b: SpecBuilder, t: Tensor): Tensor | undefined {
  const [steps = 1, features = 1] = t.shape;
  if (b.gru && b.random.chance(0.5)) {
    const units = b.random.pick([4, 8, 16, 32]);
    if (steps * 3 * (features * units + units * units) > b.maxLayerMacs) return undefined;
    return b.layer('GRU', t, [steps, units], { units, returnSequences: true });
  }
  const units = b.fit(
    UNITS.filter((u) => u <= 64),
    steps * features,
  );
  return units === undefined
    ? undefined
    : b.layer('Dense', t, [steps, units], { units, activation: b.activation() });
}

/** One random block on a rank-2 or rank-3 tensor. */
export function spatialBlock(b: SpecBuilder, t: Tensor): Tensor | undefined {
  const r = b.random;
  const kernels = isImage(t) ? [1, 3, 5] : [1, 3, 5, 7];
  switch (r.int(0, 11)) {
    case 0:
    case 1:
      return conv(b, t, b.activation(), drawWindow(b, t, kernels, true));
    case 2:
      return withBatchNorm(b, (a) => conv(b, t, a, drawWindow(b, t, kernels, true)));
    case 3:
      return depthwise(
        b,
        t,
        b.activation(),
        drawWindow(b, t, [3, 5], true),
        channels(t) <= 32 && r.chance(0.3) ? 2 : 1,
      );
    case 4: {
      const w = drawWindow(b, t, [2, 3], false);
      return pool(b, t, { ...w, stride: r.chance(0.7) ? w.size : 1 });
    }
    case 5:
      return pool(b, t, { size: 2, stride: 2, padding: 'valid' });
    case 6:
    case 7:
      return residual(b, t);
    case 8:
      return concat(b, t);
    case 9:
      return elementwise(b, t);
    case 10:
      return isImage(t) ? depthwise(b, t, 'relu6', SAME) : sequenceOnly(b, t);
    default:
      return reshape(b, t);
  }
}
