import { MinnowError } from '../../errors.ts';
import { ACTIVATIONS, type Activation, type Shape } from '../../model/types.ts';
import { param } from './config.ts';
import type { KerasNode } from './topology.ts';

/** A Minnow layer made from a Keras layer, with the trained weights it takes (tfjs names and layouts). */
export interface Emitted {
  readonly id: string;
  readonly type: string;
  readonly inputs: readonly string[];
  readonly params: Readonly<Record<string, unknown>>;
  readonly weights?: Readonly<Record<string, Float32Array>>;
}

/** A ZeroPadding2D waiting to be folded into the convolution that reads it. */
export interface PendingPad {
  readonly node: KerasNode;
  readonly source: string;
  /** [[top, bottom], [left, right]] */
  readonly pads: readonly (readonly [number, number])[];
}

/** What a mapper knows about the layer it converts. */
export interface MapContext {
  readonly node: KerasNode;
  /** Minnow ids of the inputs (the model input is "input"). */
  readonly inputs: readonly string[];
  readonly shapes: readonly Shape[];
  /** A ZeroPadding2D in front of input `i`, for a convolution to fold. */
  readonly pad: PendingPad | undefined;
  /** The trained weight `name` of this Keras layer, or a coded error. */
  weight(name: string): Float32Array;
  hasWeight(name: string): boolean;
  note(text: string): void;
}

/** What a mapper returns: Minnow layers (the last gives the output), or a padding to fold later. */
export type Mapped = readonly Emitted[] | { readonly pad: PendingPad };

/** The coded refusal of a layer: what it is, why not, and what Minnow can do instead. */
export function refuse(node: KerasNode, detail: string, instead: string): MinnowError {
  return new MinnowError('IMPORT_LAYER_UNSUPPORTED', {
    index: node.index,
    name: node.name,
    className: node.className,
    detail,
    instead,
  });
}

/** A Keras activation name as Minnow's, or a refusal naming it. */
export function activationOf(node: KerasNode, key = 'activation'): Activation {
  const raw = param(node.config, key) ?? 'linear';
  const name = typeof raw === 'string' ? raw : JSON.stringify(raw);
  if ((ACTIVATIONS as readonly string[]).includes(name)) return name as Activation;
  throw refuse(
    node,
    `its activation "${name}" is not one Minnow runs.`,
    `Minnow runs ${ACTIVATIONS.join(', ')}; retrain with one of them (relu is the usual choice).`,
  );
}

/** A boolean config flag, `fallback` when absent. */
export function flag(node: KerasNode, key: string, fallback: boolean): boolean {
  const v = param(node.config, key);
  return typeof v === 'boolean' ? v : fallback;
}
