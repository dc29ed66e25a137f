import type { PlanItem } from './first-fit.ts';
import { liveBytesPerStep } from './live.ts';

type Key = (item: PlanItem) => number;

function orderBy(items: readonly PlanItem[], keys: readonly Key[]): number[] {
  const index = items.map((_, i) => i);
  return index.sort((a, b) => {
    for (const key of keys) {
      const d = key(items[a] as PlanItem) - key(items[b] as PlanItem);
      if (d !== 0) return d;
    }
    return a - b;
  });
}

const span = (b: PlanItem): number => b.lastStep - b.firstStep + 1;

/**
 * Orders that do well for first fit on activation buffers, best first on typical models; ties are broken by
 * the next key, then by buffer id. Beside the classic ones (size, lifetime, area, first use), two follow the
 * memory pressure: buffers live at the busiest steps first, and buffers nearest the peak step first.
 */
export function* heuristicOrders(items: readonly PlanItem[]): Generator<number[]> {
  const size: Key = (b) => -b.size;
  yield orderBy(items, [size, (b) => b.firstStep]);
  const live = liveBytesPerStep(
    items.map((b) => ({ bytes: b.size, firstStep: b.firstStep, lastStep: b.lastStep })),
  );
  const pressure: Key = (b) => -Math.max(...live.slice(b.firstStep, b.lastStep + 1));
  yield orderBy(items, [pressure, size]);
  const peak = live.indexOf(Math.max(...live));
  const distance: Key = (b) => Math.max(b.firstStep - peak, peak - b.lastStep, 0);
  yield orderBy(items, [distance, size]);
  yield orderBy(items, [(b) => -b.size * span(b), (b) => b.firstStep]);
  yield orderBy(items, [(b) => -span(b), size]);
  yield orderBy(items, [(b) => b.firstStep, size]);
}
