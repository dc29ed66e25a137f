import type { FlowEdge, FlowNode } from './flow.ts';
import type { Point } from './layout.ts';

/** The drag-and-drop type a palette item carries: the layer type name. */
export const LAYER_MIME = 'application/x-minnow-layer';

/** Node positions by id, as the layout placed them. */
export function positionsOf(nodes: readonly FlowNode[]): Map<string, Point> {
  return new Map(nodes.map((n) => [n.id, n.position]));
}

const sameJson = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Whether two nodes draw the same (the size the canvas measured aside). */
function sameNode(a: FlowNode, b: FlowNode): boolean {
  return (
    a.type === b.type &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    a.ariaLabel === b.ariaLabel &&
    (a.type === 'layer' && b.type === 'layer'
      ? a.data.layer === b.data.layer &&
        a.data.index === b.data.index &&
        sameJson(a.data.report, b.data.report) &&
        sameJson(a.data.problem, b.data.problem)
      : sameJson(a.data, b.data))
  );
}

/**
 * Next nodes for the canvas. A node that draws the same keeps its previous object, so neither React nor the
 * canvas redoes it; a changed one keeps the size the canvas measured, so it is not hidden and re-measured.
 */
export function keepMeasured(next: readonly FlowNode[], previous: readonly FlowNode[]): FlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  const kept = next.map((n) => {
    const old = byId.get(n.id);
    if (!old) return n;
    if (sameNode(n, old)) return old;
    return old.measured ? ({ ...n, measured: old.measured } as FlowNode) : n;
  });
  return sameArray(kept, previous);
}

/** The previous array itself when every element is the one it held, in order (nothing for the canvas to redo). */
function sameArray<T>(next: T[], previous: readonly T[]): T[] {
  return next.length === previous.length && next.every((x, i) => x === previous[i])
    ? (previous as T[])
    : next;
}

/** Next edges, keeping the previous object of every edge that did not change (and the array, if none did). */
export function keepEdges(next: readonly FlowEdge[], previous: readonly FlowEdge[]): FlowEdge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  const kept = next.map((e) => {
    const old = byId.get(e.id);
    return old && old.deletable === e.deletable && sameJson(old.data, e.data) ? old : e;
  });
  return sameArray(kept, previous);
}
