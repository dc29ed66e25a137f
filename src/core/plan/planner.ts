import { MinnowError } from '../errors.ts';
import type { PlanItem } from './first-fit.ts';
import { alignUp, peakLiveBytes } from './live.ts';
import { searchPlacement, type Placement } from './search.ts';

/**
 * Assigns arena offsets to buffers with known lifetimes (in the manner of TFLM's memory planner interface):
 * buffers live at a common step never overlap. Offsets are 16-byte aligned and sizes rounded up to 16.
 */
export interface MemoryPlanner {
  /** Registers a buffer live from `firstStep` to `lastStep` (both included); returns its id. */
  addBuffer(bytes: number, firstStep: number, lastStep: number): number;
  /** Offsets by buffer id and the arena size; the same buffers always give the same offsets. */
  plan(): Placement;
}

export interface PlannerOptions {
  /**
   * Work allowed to the improvement search when the first orders miss the lower bound, in buffer
   * placements plus neighbours examined. Deterministic, unlike a time limit.
   */
  readonly searchBudget?: number;
}

/** Spent only when every first order misses the bound; then about 5 to 20 ms on a laptop, whatever the model. */
export const DEFAULT_SEARCH_BUDGET = 200_000;

function problem(bytes: number, firstStep: number, lastStep: number): string | undefined {
  if (!Number.isSafeInteger(bytes) || bytes < 0) return `size ${bytes} is not a whole number of bytes`;
  if (!Number.isSafeInteger(firstStep) || !Number.isSafeInteger(lastStep) || firstStep < 0) {
    return `steps ${firstStep}..${lastStep} are not whole step numbers`;
  }
  if (firstStep > lastStep) return `it is live from step ${firstStep} to step ${lastStep}, which ends first`;
  return undefined;
}

export function createPlanner(options: PlannerOptions = {}): MemoryPlanner {
  const items: PlanItem[] = [];
  return {
    addBuffer(bytes, firstStep, lastStep) {
      const detail = problem(bytes, firstStep, lastStep);
      if (detail !== undefined) throw new MinnowError('PLAN_BUFFER_INVALID', { detail });
      items.push({ size: alignUp(bytes), firstStep, lastStep });
      return items.length - 1;
    },
    plan() {
      const bound = peakLiveBytes(
        items.map((b) => ({ bytes: b.size, firstStep: b.firstStep, lastStep: b.lastStep })),
      );
      return searchPlacement(items, bound, options.searchBudget ?? DEFAULT_SEARCH_BUDGET);
    },
  };
}
