import { createRandom } from '../random.ts';
import { FirstFit, type PlanItem } from './first-fit.ts';
import { heuristicOrders } from './orders.ts';

/** Up to this many buffers, every order is tried (with pruning): the result is optimal. */
const EXHAUSTIVE_MAX = 8;
/** Fixed so that a model always gets the same offsets. */
const SEARCH_SEED = 0x6d696e6e;

export interface Placement {
  readonly offsets: number[];
  readonly arenaBytes: number;
}

/** Branch and bound over all orders: adding buffers never shrinks the arena, so a prefix at `best` is cut. */
function exhaustive(ff: FirstFit, best: number, bound: number): number[] | undefined {
  const n = ff.items.length;
  const order: number[] = [];
  let found: number[] | undefined;
  ff.offsets.fill(-1);
  const visit = (arena: number): void => {
    if (arena >= best || best <= bound) return;
    if (order.length === n) {
      best = arena;
      found = [...order];
      return;
    }
    for (let i = 0; i < n; i++) {
      if ((ff.offsets[i] as number) >= 0) continue;
      const at = ff.fit(i);
      ff.offsets[i] = at;
      order.push(i);
      visit(Math.max(arena, at + (ff.items[i] as PlanItem).size));
      order.pop();
      ff.offsets[i] = -1;
    }
  };
  visit(0);
  return found;
}

/** How far a placement sticks out above `bound`: the buffers to move, and their summed excess bytes. */
function excess(ff: FirstFit, bound: number): { over: number[]; bytes: number } {
  const over: number[] = [];
  let bytes = 0;
  ff.items.forEach((item, i) => {
    const top = (ff.offsets[i] as number) + item.size;
    if (top > bound) {
      over.push(i);
      bytes += top - bound;
    }
  });
  return { over, bytes };
}

/**
 * Local search from the best order: move a buffer that sticks out above the bound (or any, now and then)
 * to an earlier position, so first fit places it sooner. A move is kept unless it grows the arena or the
 * bytes above the bound; equal moves are kept too, so the search crosses plateaus.
 */
function improve(ff: FirstFit, start: number[], bound: number, budget: number): number[] {
  const random = createRandom(SEARCH_SEED);
  const n = start.length;
  let current = { order: start, arena: ff.place(start), ...excess(ff, bound) };
  let best = current;
  const stop = ff.work + budget;
  while (ff.work < stop && best.arena > bound) {
    ff.work++;
    const targeted = random.chance(0.7) && current.over.length > 0;
    const from = targeted ? current.order.indexOf(random.pick(current.over)) : random.int(1, n - 1);
    if (from === 0) continue;
    const order = [...current.order];
    order.splice(random.int(0, from - 1), 0, ...order.splice(from, 1));
    const arena = ff.place(order, current.arena);
    if (arena === Infinity) continue;
    const candidate = { order, arena, ...excess(ff, bound) };
    if (arena === current.arena && candidate.bytes > current.bytes) continue;
    current = candidate;
    if (arena < best.arena) best = current;
  }
  return best.order;
}

/** Offsets for aligned items: the best of the heuristic orders, then a bounded search toward `bound`. */
export function searchPlacement(items: readonly PlanItem[], bound: number, budget: number): Placement {
  const ff = new FirstFit(items);
  let best = { order: [] as number[], arena: Infinity };
  for (const order of heuristicOrders(items)) {
    const arena = ff.place(order, best.arena - 1);
    if (arena < best.arena) best = { order, arena };
    if (best.arena <= bound) break;
  }
  if (best.arena > bound && items.length > 1) {
    const order =
      items.length <= EXHAUSTIVE_MAX
        ? exhaustive(ff, best.arena, bound)
        : improve(ff, best.order, bound, budget);
    if (order) best = { order, arena: best.arena };
  }
  const arenaBytes = ff.place(best.order);
  return { offsets: [...ff.offsets], arenaBytes };
}
