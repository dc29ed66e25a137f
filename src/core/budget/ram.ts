import { isEstimate } from '../chips/figure.ts';
import type { Chip } from '../chips/types.ts';
import {
  FIRMWARE_RUNTIME_BYTES,
  INTERPRETER_FIXED_BYTES,
  PER_STEP_BYTES,
  PER_TENSOR_BYTES,
} from './constants.ts';
import type { BudgetInput, RamBudget } from './types.ts';

/** Interpreter bookkeeping for a model of this many tensors and steps. */
export function interpreterBytes(tensorCount: number, stepCount: number): number {
  return INTERPRETER_FIXED_BYTES + tensorCount * PER_TENSOR_BYTES + stepCount * PER_STEP_BYTES;
}

/** A hello_world heap figure still counts what the firmware's own task and buffers take; a board reading does not. */
export function runtimeReserve(chip: Chip): number {
  return chip.exportOnly || chip.measured ? 0 : FIRMWARE_RUNTIME_BYTES;
}

/**
 * The whole need is compared with one contiguous block. The arena must be contiguous; counting the small
 * interpreter state and I/O copies against the same block errs on the safe side.
 */
export function ramBudget(input: BudgetInput, chip: Chip): RamBudget {
  const parts = {
    arena: input.arenaBytes,
    interpreter: interpreterBytes(input.tensorCount, input.stepCount),
    io: input.ioBytes,
  };
  const needBytes = parts.arena + parts.interpreter + parts.io;
  const reservedBytes = Math.min(runtimeReserve(chip), chip.arenaBytes.value);
  const internal = chip.arenaBytes.value - reservedBytes;
  const psram = chip.psram?.arenaAllowed ? chip.psram.arenaBytes : undefined;
  if (needBytes > internal && psram && needBytes <= psram.value) {
    return {
      needBytes,
      availableBytes: psram.value,
      fits: true,
      placement: 'psram',
      reservedBytes: 0,
      availableIsEstimate: isEstimate(psram),
      parts,
    };
  }
  return {
    needBytes,
    availableBytes: internal,
    fits: needBytes <= internal,
    placement: 'internal',
    reservedBytes,
    availableIsEstimate: isEstimate(chip.arenaBytes),
    parts,
  };
}
