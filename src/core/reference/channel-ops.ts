/** What Dense, the convolutions and BatchNormalization share: weights W, bias B, per-channel requantization R. */
import { ElementType } from '../blob/format.ts';
import { INT32_MAX, requantize } from '../quant/fixed-point.ts';
import {
  fmt,
  sameShape,
  type ConstantSlot,
  type ConstantValues,
  type KernelArgs,
  type Operands,
} from './kernel.ts';

/** Weights may be declared int4 or ternary (F-30); version 1 runs int8 only. */
export const WEIGHT_TYPES = [ElementType.INT8, ElementType.INT4, ElementType.TERNARY] as const;

export function weightBiasRequant(weightRank: number): ConstantSlot[] {
  return [
    { role: 'weights', types: WEIGHT_TYPES, rank: weightRank },
    { role: 'bias', types: [ElementType.INT32], rank: 1 },
    { role: 'requant', types: [ElementType.INT32], rank: 2 },
  ];
}

/** W has `weights` as its shape, B is [C] and R is [C, 2]. */
export function channelShapeProblem(
  o: Operands,
  weights: readonly number[],
  channels: number,
): string | undefined {
  const [w, b, r] = o.constants;
  if (!w || !sameShape(w.shape, weights)) return `weights ${fmt(w?.shape ?? [])} should be ${fmt(weights)}`;
  if (!b || !sameShape(b.shape, [channels])) return `bias ${fmt(b?.shape ?? [])} should be [${channels}]`;
  if (!r || !sameShape(r.shape, [channels, 2]))
    return `requantization ${fmt(r?.shape ?? [])} should be [${channels}, 2]`;
  return undefined;
}

/** F-43: multipliers in [0, 2^31), shifts in [−31, 30]. */
export function requantRangeProblem(r: ConstantValues): string | undefined {
  for (let c = 0; 2 * c < r.length; c++) {
    const m = r[2 * c] as number;
    const s = r[2 * c + 1] as number;
    if (m < 0) return `multiplier ${m} of row ${c} is negative`;
    if (s < -31 || s > 30) return `shift ${s} of row ${c} is outside [−31, 30]`;
  }
  return undefined;
}

/** F-43: |bias| <= 2^31 − 1 − 32,640·K, so that a dot product of K terms cannot overflow int32. */
export function biasRangeProblem(b: ConstantValues, reduce: number): string | undefined {
  const bound = INT32_MAX - 32640 * reduce;
  const i = b.findIndex((v) => Math.abs(v) > bound);
  return i < 0
    ? undefined
    : `bias ${b[i]} of channel ${i} exceeds ±${bound} for dot products of ${reduce} terms`;
}

export function channelRangeProblem(values: readonly ConstantValues[], reduce: number): string | undefined {
  const [, b, r] = values;
  return requantRangeProblem(r as ConstantValues) ?? biasRangeProblem(b as ConstantValues, reduce);
}

/** The output stage of F-52 for channel `c`: zy + MBQM(acc, R[c]) clamped to the op's range. */
export function outputOf(args: KernelArgs, acc: number, c: number): number {
  const r = args.constants[2] as Int32Array;
  const { op, output } = args.operands;
  return requantize(acc, r[2 * c] as number, r[2 * c + 1] as number, output.zeroPoint, op.actMin, op.actMax);
}
