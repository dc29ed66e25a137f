import { MinnowError } from '../errors.ts';
import { INPUT_ID, type LayerSpec } from './types.ts';

export interface GraphNode {
  readonly layer: LayerSpec;
  readonly index: number;
  /** Resolved inputs: explicit `inputs`, else the previous layer, else the model input. */
  readonly inputs: readonly string[];
}

export interface ModelGraph {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** Topological order; ties keep file order, so a file written in order keeps its order. */
  readonly order: readonly string[];
  readonly outputId: string;
}

function resolveInputs(layers: readonly LayerSpec[]): GraphNode[] {
  return layers.map((layer, index) => ({
    layer,
    index,
    inputs: layer.inputs ?? [index === 0 ? INPUT_ID : (layers[index - 1]?.id ?? INPUT_ID)],
  }));
}

function checkIds(nodes: readonly GraphNode[]): Map<string, GraphNode> {
  const byId = new Map<string, GraphNode>();
  for (const node of nodes) {
    if (node.layer.id === INPUT_ID) throw new MinnowError('INPUT_ID_RESERVED', { layer: node.layer.id });
    if (byId.has(node.layer.id)) throw new MinnowError('DUPLICATE_ID', { layer: node.layer.id });
    byId.set(node.layer.id, node);
  }
  for (const node of nodes) {
    for (const input of node.inputs) {
      if (input !== INPUT_ID && !byId.has(input)) {
        throw new MinnowError('DANGLING_INPUT', { layer: node.layer.id, input });
      }
    }
  }
  return byId;
}

/** Kahn's algorithm with the smallest file index first among ready nodes. */
function topologicalOrder(nodes: readonly GraphNode[], byId: ReadonlyMap<string, GraphNode>): string[] {
  const pending = new Map<string, number>();
  const consumers = new Map<string, string[]>();
  for (const node of nodes) {
    const deps = node.inputs.filter((i) => i !== INPUT_ID);
    pending.set(node.layer.id, deps.length);
    for (const dep of deps) consumers.set(dep, [...(consumers.get(dep) ?? []), node.layer.id]);
  }
  const ready = nodes.filter((n) => pending.get(n.layer.id) === 0).map((n) => n.index);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const id = nodes[ready.shift() as number]?.layer.id as string;
    order.push(id);
    for (const next of consumers.get(id) ?? []) {
      const left = (pending.get(next) ?? 0) - 1;
      pending.set(next, left);
      if (left === 0) ready.push(byId.get(next)?.index as number);
    }
  }
  if (order.length < nodes.length) throw cycleError(nodes, byId, new Set(order));
  return order;
}

/** Names one cycle among the nodes Kahn could not order, walking inputs until a node repeats. */
function cycleError(
  nodes: readonly GraphNode[],
  byId: ReadonlyMap<string, GraphNode>,
  ordered: Set<string>,
): MinnowError {
  const stuck = nodes.find((n) => !ordered.has(n.layer.id)) as GraphNode;
  const path: string[] = [];
  let current: GraphNode = stuck;
  while (!path.includes(current.layer.id)) {
    path.push(current.layer.id);
    const next = current.inputs.find((i) => i !== INPUT_ID && !ordered.has(i));
    current = byId.get(next as string) as GraphNode;
  }
  // `path` walks against the data flow; list the loop with the flow, from and back to the named layer.
  const [first, ...rest] = path.slice(path.indexOf(current.layer.id));
  const cycle = [first, ...rest.reverse(), first];
  return new MinnowError('CYCLE', { layer: current.layer.id, cycle: cycle.join(' → ') });
}

/** Every layer must feed, directly or not, the output layer; otherwise its work would be wasted. */
function checkConnected(
  byId: ReadonlyMap<string, GraphNode>,
  order: readonly string[],
  outputId: string,
): void {
  const reached = new Set<string>([outputId]);
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i] as string;
    if (!reached.has(id)) continue;
    for (const input of byId.get(id)?.inputs ?? []) reached.add(input);
  }
  for (const id of order) {
    if (!reached.has(id)) throw new MinnowError('UNCONNECTED', { layer: id, output: outputId });
  }
}

export function buildGraph(layers: readonly LayerSpec[]): ModelGraph {
  if (layers.length === 0) throw new MinnowError('EMPTY_MODEL');
  const nodes = resolveInputs(layers);
  const byId = checkIds(nodes);
  const order = topologicalOrder(nodes, byId);
  const outputId = (layers[layers.length - 1] as LayerSpec).id;
  checkConnected(byId, order, outputId);
  return { nodes: byId, order, outputId };
}
