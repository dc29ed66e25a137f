import type { ModelSpec } from '../model/types.ts';
import type { Budget, FlashBudget, RamBudget } from './types.ts';

/** What suggestFixes needs from one evaluation; a Budget has all of it. */
export interface Evaluation {
  readonly verdict: Budget['verdict'];
  readonly psramVariant?: Budget['psramVariant'];
  readonly ram: Pick<RamBudget, 'needBytes' | 'availableBytes' | 'fits'> & {
    /** Layers whose tensors are live at the arena's peak step, when the planner knows them. */
    readonly peakLayerIds?: readonly string[];
  };
  readonly flash: Pick<FlashBudget, 'needBytes' | 'availableBytes' | 'fits' | 'partitionBytes' | 'parts'>;
}

/**
 * Analyze → plan → budget for a spec on a chip. May throw a MinnowError for a spec it cannot plan. It is
 * also asked about other chips, to suggest a board on which the model fits unchanged.
 */
export type Evaluate = (spec: ModelSpec, chipId: string) => Evaluation;

export type WidthParam = 'units' | 'filters';

export interface LayerChange {
  readonly layerId: string;
  readonly param: WidthParam;
  readonly from: number;
  readonly to: number;
}

export type Suggestion =
  /** Narrow one layer to the widest value that fits. */
  | (LayerChange & {
      readonly kind: 'reduce';
      readonly description: string;
      readonly patch: ModelSpec;
      readonly result: Evaluation;
    })
  /** Narrow every hidden layer by the same factor, when no single layer is enough. */
  | {
      readonly kind: 'scale';
      readonly factor: number;
      readonly changes: readonly LayerChange[];
      readonly description: string;
      readonly patch: ModelSpec;
      readonly result: Evaluation;
    }
  /** Keep every layer, store some layers' weights in fewer bits. */
  | {
      readonly kind: 'pack';
      readonly packing: 'int4' | 'ternary';
      readonly layerIds: readonly string[];
      readonly description: string;
      readonly patch: ModelSpec;
      readonly result: Evaluation;
    }
  /** Keep the model, change the board. */
  | { readonly kind: 'chip'; readonly name: string; readonly chipId?: string; readonly description: string }
  /** Keep the model and the board, give the model partition the room the flash has. */
  | { readonly kind: 'partition'; readonly bytes: number; readonly description: string };
