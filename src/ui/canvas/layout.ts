import { INPUT_ID, type ModelSpec } from '../../core/model/types.ts';
import { resolvedInputs } from '../../state/spec-edit.ts';

export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 78;
/** Extra height of a node that shows its error and fix. */
export const ERROR_HEIGHT = 92;
const GAP_X = 40;
const GAP_Y = 44;

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Rank of every node: the input is 0, a layer is one below its deepest input. Terminates on cycles. */
export function ranks(spec: ModelSpec): Map<string, number> {
  const rank = new Map<string, number>([[INPUT_ID, 0]]);
  const inputs = spec.layers.map((_, i) => resolvedInputs(spec, i));
  // Relaxation bounded by the layer count: exact for any DAG in any file order, finite on a cycle.
  for (let pass = 0; pass <= spec.layers.length; pass++) {
    let changed = false;
    spec.layers.forEach((layer, i) => {
      const r = 1 + Math.max(0, ...(inputs[i] ?? []).map((id) => rank.get(id) ?? 0));
      if (rank.get(layer.id) !== Math.min(r, spec.layers.length)) changed = true;
      rank.set(layer.id, Math.min(r, spec.layers.length));
    });
    if (!changed) break;
  }
  return rank;
}

/**
 * Top-to-bottom layered layout. An edge that skips ranks reserves a slot in every rank it crosses, so the
 * layers of a branch step aside and the skip connection runs between them instead of through them.
 */
export function layoutModel(spec: ModelSpec, tallIds: ReadonlySet<string> = new Set()): Map<string, Point> {
  const rank = ranks(spec);
  const order = new Map<string, number>([[INPUT_ID, -1], ...spec.layers.map((l, i) => [l.id, i] as const)]);
  const rows: { key: number; id?: string }[][] = [];
  const row = (r: number) => (rows[r] ??= []);
  row(0).push({ key: -1, id: INPUT_ID });
  spec.layers.forEach((layer, i) => {
    const r = rank.get(layer.id) ?? 1;
    row(r).push({ key: i, id: layer.id });
    for (const input of resolvedInputs(spec, i)) {
      const from = rank.get(input) ?? 0;
      for (let k = from + 1; k < r; k++) row(k).push({ key: (order.get(input) ?? 0) + 0.5 });
    }
  });
  const positions = new Map<string, Point>();
  let y = 0;
  for (const slots of rows) {
    if (!slots) continue;
    slots.sort((a, b) => a.key - b.key);
    const width = slots.length * NODE_WIDTH + (slots.length - 1) * GAP_X;
    let tall = false;
    slots.forEach((slot, i) => {
      if (slot.id === undefined) return;
      positions.set(slot.id, { x: i * (NODE_WIDTH + GAP_X) - width / 2, y });
      tall ||= tallIds.has(slot.id);
    });
    y += NODE_HEIGHT + (tall ? ERROR_HEIGHT : 0) + GAP_Y;
  }
  return positions;
}

/**
 * Where in the file a layer dropped at height `y` goes: before the first layer (in file order) whose middle is
 * below the drop point. `skip` leaves out the layer being moved.
 */
export function indexAtY(
  spec: ModelSpec,
  positions: ReadonlyMap<string, Point>,
  y: number,
  skip?: string,
): number {
  const layers = spec.layers.filter((l) => l.id !== skip);
  const at = layers.findIndex((l) => (positions.get(l.id)?.y ?? Infinity) + NODE_HEIGHT / 2 > y);
  return at < 0 ? layers.length : at;
}
