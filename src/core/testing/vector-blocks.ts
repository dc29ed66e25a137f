import { UNITS, elementwise, withBatchNorm, type SpecBuilder, type Tensor } from './spec-builder.ts';

/** Blocks for [features] vectors; each may decline (undefined). */

const width = (t: Tensor): number => t.shape[0] ?? 1;

export function dense(b: SpecBuilder, t: Tensor, activation: string, units?: number): Tensor | undefined {
  const count = units ?? b.fit(UNITS, width(t));
  if (count === undefined || count * width(t) > b.maxLayerMacs) return undefined;
  return b.layer('Dense', t, [count], { units: count, activation });
}

function residual(b: SpecBuilder, t: Tensor): Tensor | undefined {
  if (width(t) > 256) return undefined;
  let branch = dense(b, t, b.activation(), width(t));
  if (branch && b.random.chance(0.4)) branch = dense(b, branch, 'linear', width(t));
  if (!branch) return undefined;
  const sum = b.layer('Add', b.random.shuffle([t, branch]), t.shape);
  return b.random.chance(0.5) ? b.layer('Activation', sum, sum.shape, { activation: 'relu' }) : sum;
}

function concat(b: SpecBuilder, t: Tensor): Tensor | undefined {
  const parts: Tensor[] = b.random.chance(0.3) ? [t] : [];
  let total = parts.length > 0 ? width(t) : 0;
  for (let tries = 0; parts.length < 3 && tries < 4; tries++) {
    const units = b.fit(
      UNITS.filter((u) => total + u <= 256),
      width(t),
    );
    const part = units === undefined ? undefined : dense(b, t, b.activation(), units);
    if (part) {
      parts.push(part);
      total += width(part);
    }
  }
  return parts.length < 2 ? undefined : b.layer('Concatenate', parts, [total]);
}

/** [n] → [n / k, k], so that Conv1D layers can follow. */
function toSequence(b: SpecBuilder, t: Tensor): Tensor | undefined {
  const n = width(t);
  const channels = [1, 2, 3, 4, 8].filter((k) => n % k === 0 && n / k >= 4);
  if (channels.length === 0) return undefined;
  const k = b.random.pick(channels);
  return b.layer('Reshape', t, [n / k, k], { targetShape: [n / k, k] });
}

/** One random block on a rank-1 tensor. */
export function vectorBlock(b: SpecBuilder, t: Tensor): Tensor | undefined {
  switch (b.random.int(0, 7)) {
    case 0:
    case 1:
      return dense(b, t, b.activation());
    case 2:
      return withBatchNorm(b, (a) => dense(b, t, a));
    case 3:
      return elementwise(b, t);
    case 4:
    case 5:
      return residual(b, t);
    case 6:
      return concat(b, t);
    default:
      return toSequence(b, t);
  }
}
