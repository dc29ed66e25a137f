import type { Edge, Node } from '@xyflow/react';
import type { LayerReport } from '../../core/inspect/report.ts';
import { INPUT_ID, type LayerSpec, type ModelSpec } from '../../core/model/types.ts';
import { resolvedInputs } from '../../state/spec-edit.ts';
import { layoutModel, type Point } from './layout.ts';

export interface NodeProblem {
  readonly code: number;
  readonly message: string;
  readonly hint: string;
}

export type LayerNodeData = {
  readonly layer: LayerSpec;
  readonly index: number;
  readonly report?: LayerReport;
  readonly problem?: NodeProblem;
};
export type InputNodeData = { readonly shape: readonly number[] };
export type LayerNode = Node<LayerNodeData, 'layer'>;
export type InputNode = Node<InputNodeData, 'modelInput'>;
export type FlowNode = LayerNode | InputNode;
/** `explicit`: the input is written in the file (`inputs`), not implied by the layer order. */
export type FlowEdge = Edge<{ readonly order: number; readonly explicit: boolean }>;

export interface FlowContext {
  /** Per-layer figures of the last successful inspection, by id. */
  readonly reports?: ReadonlyMap<string, LayerReport>;
  /** The model's first error, when it names a layer. */
  readonly problem?: NodeProblem & { readonly layerId: string };
  readonly selectedId?: string | null;
}

export const edgeId = (source: string, target: string): string => `${source}->${target}`;

/** The canvas for a spec: an input node, one node per layer, one edge per (resolved) input. */
export function specToFlow(
  spec: ModelSpec,
  context: FlowContext = {},
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const { reports, problem, selectedId } = context;
  const positions = layoutModel(spec, new Set(problem ? [problem.layerId] : []));
  const at = (id: string): Point => positions.get(id) ?? { x: 0, y: 0 };
  const input: InputNode = {
    id: INPUT_ID,
    type: 'modelInput',
    position: at(INPUT_ID),
    data: { shape: spec.input.shape },
    deletable: false,
    draggable: false,
    selected: selectedId === INPUT_ID,
    ariaLabel: `Model input, shape ${spec.input.shape.join(' by ')}`,
  };
  const layers = spec.layers.map((layer, index): LayerNode => {
    const report = reports?.get(layer.id);
    return {
      id: layer.id,
      type: 'layer',
      position: at(layer.id),
      data: {
        layer,
        index,
        ...(report ? { report } : {}),
        ...(problem?.layerId === layer.id ? { problem } : {}),
      },
      selected: selectedId === layer.id,
      ariaLabel: `Layer ${layer.id}, ${layer.type}${problem?.layerId === layer.id ? ', has an error' : ''}`,
    };
  });
  const edges = spec.layers.flatMap((layer, index) =>
    resolvedInputs(spec, index).map((source, order): FlowEdge => ({
      id: edgeId(source, layer.id),
      source,
      target: layer.id,
      data: { order, explicit: layer.inputs !== undefined },
      // Only an input written in the file can be removed: an implicit one comes back as the default.
      deletable: layer.inputs !== undefined,
    })),
  );
  return { nodes: [input, ...layers], edges };
}

/** The spec a canvas describes: layers in node order, inputs from edges, implicit where they are the default. */
export function flowToSpec(
  base: ModelSpec,
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
): ModelSpec {
  const layerNodes = nodes
    .filter((n): n is LayerNode => n.type === 'layer')
    .sort((a, b) => a.data.index - b.data.index);
  const layers = layerNodes.map((node, i): LayerSpec => {
    const { inputs: _inputs, ...layer } = node.data.layer;
    const incoming = edges
      .filter((e) => e.target === node.id)
      .sort((a, b) => (a.data?.order ?? 0) - (b.data?.order ?? 0));
    const inputs = incoming.map((e) => e.source);
    const implicit = i === 0 ? INPUT_ID : layerNodes[i - 1]?.id;
    const isDefault = inputs.length === 1 && inputs[0] === implicit && !incoming[0]?.data?.explicit;
    return isDefault || inputs.length === 0 ? { ...layer, id: node.id } : { ...layer, id: node.id, inputs };
  });
  const inputNode = nodes.find((n): n is InputNode => n.type === 'modelInput');
  return { ...base, input: { ...base.input, shape: inputNode?.data.shape ?? base.input.shape }, layers };
}
