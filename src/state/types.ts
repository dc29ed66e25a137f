import type { CaptureSet } from '../core/capture/types.ts';
import type { BoardMemory } from '../core/chips/types.ts';
import type { ModelSpec } from '../core/model/types.ts';
import type { FloatWeights } from '../core/quant/types.ts';
import type { TrainingRecord } from './training-types.ts';
import type { ImportSource } from '../core/import/types.ts';
import type { ExactQuant } from '../core/quant/exact.ts';

/** A project's own fields; its model lives in the model slice under the same id. */
export interface ProjectMeta {
  readonly id: string;
  readonly name: string;
  /** Catalog id of the chip the budget is computed for. */
  readonly chipId: string;
  /** ISO 8601 timestamps. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Where an imported model came from (docs/PROJECT.md PS-1). */
  readonly source?: ImportSource;
  /**
   * An imported int8 model's own quantization (docs/IMPORT.md), compiled instead of calibrating until a
   * training run replaces the weights it belongs to.
   */
  readonly quantization?: ExactQuant;
}

export interface ModelSlice {
  /** Every project's model, by project id. Kept as written (an invalid edit stays, shown with its error). */
  readonly models: Readonly<Record<string, ModelSpec>>;
}

/** Trained float weights, by project id; kept out of undo (a training run is not an edit). */
export interface WeightsSlice {
  readonly weights: Readonly<Record<string, FloatWeights>>;
}

/** The last training run of each project, by project id; kept out of undo like the weights. */
export interface TrainingSlice {
  readonly training: Readonly<Record<string, TrainingRecord>>;
}

export interface ProjectSlice {
  readonly projects: Readonly<Record<string, ProjectMeta>>;
  /** Project ids in list order (most recently created first). */
  readonly order: readonly string[];
  readonly currentId: string;
}

export type Theme = 'light' | 'dark';
export type BottomTab = 'layers' | 'json' | 'compare';
/** The stages of the work, one tab each: design the network, train it, put it on a board. */
export type Stage = 'design' | 'train' | 'board';
export type DialogId = 'templates' | 'projects' | null;

export interface Notice {
  readonly kind: 'info' | 'error';
  readonly text: string;
  /** Offers an Undo button (after a destructive action). */
  readonly undoable?: boolean;
  /** Only for screen readers (announces what a keyboard action did without covering the page). */
  readonly quiet?: boolean;
  /** Points listed under the text (what an import changed); such a notice stays until dismissed. */
  readonly details?: readonly string[];
}

export interface UiSlice {
  readonly selectedId: string | null;
  readonly bottomTab: BottomTab;
  readonly theme: Theme;
  readonly dialog: DialogId;
  readonly notice: Notice | null;
  readonly stage: Stage;
  /** Heap figures of the connected board running Minnow; the budget uses them instead of the catalog's. */
  readonly board: BoardMemory | null;
}

/** The whole editor state: plain, serializable data. Behaviour lives in the actions. */
export type EditorData = ModelSlice & WeightsSlice & TrainingSlice & ProjectSlice & UiSlice;

/** The part undo/redo tracks: the documents, not the view. */
export type TrackedData = ModelSlice & ProjectSlice;

/** One project with its model, as stored and exported. */
export interface Project extends ProjectMeta {
  readonly model: ModelSpec;
  readonly weights?: FloatWeights;
  readonly training?: TrainingRecord;
  /** Recordings, carried only by files (export and import): the app keeps them in their own database. */
  readonly captures?: CaptureSet;
}
