import type { ElementKind, MacKind, PackedKind } from '../chips/types.ts';

/** What the budget needs to know about a planned model: plain numbers, from the planner and the blob writer. */
export interface BudgetInput {
  /** Planned arena size: every activation tensor lives in it at its planned offset. */
  readonly arenaBytes: number;
  /** Input plus output tensor bytes: the firmware's copies for the serial protocol. */
  readonly ioBytes: number;
  readonly tensorCount: number;
  readonly stepCount: number;
  /** Weights as packed in the blob (they stay in flash). */
  readonly weightsBytes: number;
  /** The whole blob: header, tables, weights. */
  readonly blobBytes: number;
  readonly macsByKind: Partial<Record<MacKind, number>>;
  readonly elementsByKind: Partial<Record<ElementKind, number>>;
  /** MACs of the layers whose weights are int4 or ternary (F-30), counted in macsByKind too. */
  readonly packedMacs?: Partial<Record<PackedKind, number>>;
}

export const VERDICTS = ['fits', 'needs-psram', 'too-big-ram', 'too-big-flash'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface RamBudget {
  readonly needBytes: number;
  readonly availableBytes: number;
  readonly fits: boolean;
  /** Where the arena goes: internal RAM, or PSRAM on a chip that has it and lets the arena live there. */
  readonly placement: 'internal' | 'psram';
  /** Taken off the catalog's largest block for the firmware's own task and buffers (0 once measured). */
  readonly reservedBytes: number;
  /** The available figure is an estimate (not from a datasheet, a document or the board). */
  readonly availableIsEstimate: boolean;
  readonly parts: { readonly arena: number; readonly interpreter: number; readonly io: number };
}

export interface FlashBudget {
  readonly needBytes: number;
  readonly availableBytes: number;
  readonly fits: boolean;
  /** Size of the model partition; null on export-only targets, whose model is linked into the program. */
  readonly partitionBytes: number | null;
  readonly firmwareIsEstimate: boolean;
  readonly parts: { readonly firmware: number; readonly model: number };
}

export interface Budget {
  readonly chipId: string;
  readonly chipName: string;
  readonly ram: RamBudget;
  readonly flash: FlashBudget;
  readonly latencyMs: number;
  readonly latencyIsEstimate: boolean;
  readonly verdict: Verdict;
  /** For needs-psram: the board to pick. */
  readonly psramVariant?: { readonly name: string; readonly chipId?: string };
  /** Plain-language lines that explain the verdict, failures first. */
  readonly reasons: readonly string[];
}
