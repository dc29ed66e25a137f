import { applyNodeChanges, type NodeChange, type OnDelete, type Connection, type Edge } from '@xyflow/react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { canConnect } from '../../state/spec-connect.ts';
import type { Inspection } from '../budget/inspection.ts';
import { useActions, useEditor, useModel } from '../hooks/useEditor.ts';
import { keepEdges, keepMeasured, positionsOf } from './drop.ts';
import { specToFlow, type FlowContext, type FlowEdge, type FlowNode } from './flow.ts';
import { indexAtY, NODE_HEIGHT } from './layout.ts';

function flowContext(inspection: Inspection, selectedId: string | null): FlowContext {
  if (inspection.status === 'ok') {
    return { reports: new Map(inspection.report.layers.map((l) => [l.id, l])), selectedId };
  }
  if (inspection.status === 'error' && inspection.error.layerId !== undefined) {
    const { code, message, hint, layerId } = inspection.error;
    return { problem: { code, message, hint, layerId }, selectedId };
  }
  return { selectedId };
}

/** The canvas's nodes and edges for the open model, and its handlers turned into editor actions. */
export function useCanvas(inspection: Inspection) {
  const spec = useModel();
  const selectedId = useEditor((s) => s.selectedId);
  const actions = useActions();
  const flow = useMemo(
    () => specToFlow(spec, flowContext(inspection, selectedId)),
    [spec, inspection, selectedId],
  );
  const [nodes, setNodes] = useState<FlowNode[]>(flow.nodes);
  const [edges, setEdges] = useState<FlowEdge[]>(flow.edges);
  const [shown, setShown] = useState(flow);
  if (shown !== flow) {
    // Adopt the new layout during render (not in an effect) so the canvas never paints a stale frame.
    setShown(flow);
    setNodes(keepMeasured(flow.nodes, nodes));
    setEdges(keepEdges(flow.edges, edges));
  }
  const positions = useMemo(() => positionsOf(flow.nodes), [flow]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      for (const c of changes) if (c.type === 'select' && c.selected) actions.select(c.id);
      setNodes((ns) => applyNodeChanges(changes, ns));
    },
    [actions],
  );
  // The handlers read the latest model through a ref, so they keep one identity: a new handler on every edit
  // would make the canvas redraw every node and edge.
  const latest = useRef({ spec, positions, flow, nodes });
  useLayoutEffect(() => {
    latest.current = { spec, positions, flow, nodes };
  });
  const onDelete: OnDelete<FlowNode, FlowEdge> = useCallback(
    ({ nodes: gone, edges }) => {
      const ids = new Set(gone.map((n) => n.id));
      if (ids.size > 0) actions.removeLayers([...ids]);
      for (const e of edges)
        if (!ids.has(e.source) && !ids.has(e.target)) actions.disconnect(e.source, e.target);
    },
    [actions],
  );
  const isValidConnection = useCallback(
    (c: Connection | Edge) => canConnect(latest.current.spec, c.source, c.target),
    [],
  );
  const onConnect = useCallback((c: Connection) => actions.connect(c.source, c.target), [actions]);
  const onNodeDragStop = useCallback(
    (_: unknown, node: FlowNode) => {
      const { spec, positions, flow, nodes } = latest.current;
      const to = indexAtY(spec, positions, node.position.y + NODE_HEIGHT / 2, node.id);
      const from = spec.layers.findIndex((l) => l.id === node.id);
      if (from >= 0 && to !== from) actions.moveLayer(node.id, to);
      else setNodes(keepMeasured(flow.nodes, nodes));
    },
    [actions],
  );
  const insertAt = (type: string, y: number) => actions.insertLayer(type, indexAtY(spec, positions, y));
  return {
    nodes,
    edges,
    onNodesChange,
    onDelete,
    isValidConnection,
    onConnect,
    onNodeDragStop,
    insertAt,
  };
}
