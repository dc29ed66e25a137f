import { INPUT_ID, type LayerSpec } from '../model/types.ts';
import type { Random } from '../random.ts';

/** A value in the model being generated: the layer that makes it and its shape (no batch axis). */
export interface Tensor {
  readonly id: string;
  readonly shape: readonly number[];
}

/** Appends layers to a model file, naming them and writing `inputs` only where the default would be wrong. */
export class SpecBuilder {
  readonly layers: LayerSpec[] = [];
  private previous = INPUT_ID;
  private count = 0;

  constructor(
    readonly random: Random,
    /** Largest multiply-accumulate count allowed to one layer. */
    readonly maxLayerMacs: number,
    /** Whether GRU layers may be drawn. */
    readonly gru: boolean,
  ) {}

  layer(type: string, from: Tensor | readonly Tensor[], shape: readonly number[], params = {}): Tensor {
    const inputs: readonly Tensor[] = Array.isArray(from) ? from : [from as Tensor];
    const id = `${type.toLowerCase()}_${++this.count}`;
    const implicit = inputs.length === 1 && inputs[0]?.id === this.previous;
    this.layers.push({ id, type, ...(implicit ? {} : { inputs: inputs.map((t) => t.id) }), ...params });
    this.previous = id;
    return { id, shape };
  }

  /** The state to return to when a block declines halfway, so no unconnected layer stays behind. */
  mark(): { readonly length: number; readonly previous: string } {
    return { length: this.layers.length, previous: this.previous };
  }

  rollback(mark: { readonly length: number; readonly previous: string }): void {
    this.layers.length = mark.length;
    this.previous = mark.previous;
  }

  /** One of `counts` whose cost (count × `macsEach`) stays within the per-layer budget, if any. */
  fit(counts: readonly number[], macsEach: number): number | undefined {
    const fitting = counts.filter((n) => n * macsEach <= this.maxLayerMacs);
    return fitting.length > 0 ? this.random.pick(fitting) : undefined;
  }

  /** A layer's own activation, weighted toward what small models use. */
  activation(): string {
    return this.random.pick(['relu', 'relu', 'relu', 'linear', 'linear', 'relu6', 'sigmoid', 'tanh']);
  }
}

/** Channel counts and unit counts drawn from, as small models use them. */
export const CHANNELS = [4, 8, 12, 16, 24, 32, 48, 64] as const;
export const UNITS = [4, 8, 10, 16, 20, 32, 50, 64, 100, 128, 256] as const;

/** Elementwise layers that keep the shape: a standalone activation, BN or Dropout. */
export function elementwise(b: SpecBuilder, t: Tensor): Tensor {
  const r = b.random;
  switch (r.int(0, 4)) {
    case 0:
      return b.layer('BatchNormalization', t, t.shape);
    case 1:
      return b.layer('Dropout', t, t.shape, { rate: r.pick([0.1, 0.2, 0.25, 0.5]) });
    case 2:
      return b.layer('ReLU', t, t.shape, r.chance(0.5) ? {} : { maxValue: r.pick([6, 1, 3]) });
    default:
      return b.layer('Activation', t, t.shape, {
        activation: r.pick(['relu', 'relu6', 'sigmoid', 'tanh', 'linear']),
      });
  }
}

/** A linear layer made by `make`, then BN and a ReLU/Activation: the pattern the compiler folds and fuses. */
export function withBatchNorm(
  b: SpecBuilder,
  make: (activation: string) => Tensor | undefined,
): Tensor | undefined {
  const t = make('linear');
  if (!t) return undefined;
  const bn = b.layer('BatchNormalization', t, t.shape);
  return b.random.chance(0.5)
    ? b.layer('ReLU', bn, bn.shape, b.random.chance(0.5) ? { maxValue: 6 } : {})
    : b.layer('Activation', bn, bn.shape, { activation: b.activation() });
}
