/**
 * A catalog number with its provenance. Exactly one of `source` (where the figure was read or measured) and
 * `estimate` (why it is a guess, and how it was derived) is set, so the gauge and the CLI can label guesses.
 */
export interface Figure {
  readonly value: number;
  readonly source?: string;
  readonly estimate?: string;
}

export type CpuArch =
  | 'xtensa-lx6'
  | 'xtensa-lx7'
  | 'rv32imc'
  | 'rv32imac'
  | 'rv32imafc'
  | 'cortex-m4f'
  | 'cortex-m0+'
  | 'cortex-m7';

/** Kernel families whose cost grows with multiply-accumulates. */
export const MAC_KINDS = ['dense', 'conv2d', 'depthwise', 'conv1d', 'gru', 'spectrogram'] as const;
export type MacKind = (typeof MAC_KINDS)[number];

/** Kernel families whose cost grows with elements touched: pooling windows, table lookups, elementwise. */
export const ELEMENT_KINDS = ['pool', 'elementwise', 'embedding'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** Weight packings whose kernels unpack as they go (F-30), at a cost over int8. */
export const PACKED_KINDS = ['int4', 'ternary'] as const;
export type PackedKind = (typeof PACKED_KINDS)[number];

/** Cost model of Minnow's own int8 interpreter on one core. */
export interface CycleCosts {
  readonly perMac: Readonly<Record<MacKind, Figure>>;
  readonly perElement: Readonly<Record<ElementKind, Figure>>;
  /** Extra cycles per MAC of a layer whose weights are packed, over its kind's perMac. */
  readonly perPackedMac: Readonly<Record<PackedKind, Figure>>;
  /** Fixed cost of dispatching one step: reading its record, computing loop bounds. */
  readonly perStep: Figure;
}

export interface Psram {
  readonly bytes: Figure;
  /** Largest block the arena can take from PSRAM. */
  readonly arenaBytes: Figure;
  /** Whether the firmware may place the arena there when internal RAM is too small. */
  readonly arenaAllowed: boolean;
}

/** A board of the same chip family that adds PSRAM: what a "needs PSRAM" verdict points to. */
export interface PsramVariant {
  readonly name: string;
  /** The catalog entry for the variant, when it has one. */
  readonly chipId?: string;
  readonly arenaBytes: Figure;
}

export interface FlashRegion {
  readonly offset: Figure;
  readonly size: Figure;
}

export interface Chip {
  /** ESP-IDF target name (esp32, esp32c3 …), or a Minnow id for variants and export-only targets. */
  readonly id: string;
  readonly name: string;
  readonly arch: CpuArch;
  /** No Minnow firmware exists for it: the app exports C source and the user builds it. */
  readonly exportOnly: boolean;
  /** True once the RAM figures come from a connected board running Minnow (its own buffers already taken). */
  readonly measured: boolean;
  readonly clockMhz: Figure;
  readonly sramBytes: Figure;
  readonly freeHeapBytes: Figure;
  /** RAM available for the arena: the largest contiguous allocatable block of internal RAM, not the heap total. */
  readonly arenaBytes: Figure;
  readonly psram?: Psram;
  readonly psramVariant?: PsramVariant;
  /** Flash of the default module or board. */
  readonly flashBytes: Figure;
  /** ESP targets: where the second-stage bootloader is written (fixed by the ROM). */
  readonly bootloaderOffset?: Figure;
  /** ESP targets: the factory app partition of Minnow's partition table. */
  readonly appPartition?: FlashRegion;
  /** ESP targets: the partition the blob is flashed to and read from in place. */
  readonly modelPartition?: FlashRegion;
  readonly cycles: CycleCosts;
}

/** What a connected board reports about its memory (the firmware's `heap_caps_*` figures). */
export interface BoardMemory {
  readonly freeHeapBytes: number;
  readonly largestFreeBlockBytes: number;
  readonly psramFreeBytes?: number;
  readonly psramLargestFreeBlockBytes?: number;
}
