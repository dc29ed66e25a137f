import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import type { Inspection } from '../budget/inspection.ts';
import { useActions, useEditor } from '../hooks/useEditor.ts';
import { CanvasEmpty } from './CanvasEmpty.tsx';
import { LAYER_MIME } from './drop.ts';
import { InputNodeView } from './InputNodeView.tsx';
import { LayerNodeView } from './LayerNodeView.tsx';
import { useCanvas } from './useCanvas.ts';
import { useFitOnChange } from './useFitOnChange.ts';
import { useRevealSelected } from './useRevealSelected.ts';

const nodeTypes = { layer: LayerNodeView, modelInput: InputNodeView };
const DELETE_KEYS = ['Delete', 'Backspace'];
/**
 * Past this many nodes only those in view are in the page: a tall network is shown from its top at a readable
 * zoom, and laying out and painting a couple of hundred off-screen nodes on every edit costs frames.
 */
const RENDER_VISIBLE_FROM = 32;

function Flow({ inspection }: { inspection: Inspection }) {
  const canvas = useCanvas(inspection);
  const { select } = useActions();
  const onNodeClick = useCallback((_: unknown, node: { id: string }) => select(node.id), [select]);
  const onPaneClick = useCallback(() => select(null), [select]);
  const theme = useEditor((s) => s.theme);
  const { screenToFlowPosition } = useReactFlow();
  useFitOnChange(canvas.nodes.length);
  useRevealSelected(canvas.nodes);
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes(LAYER_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    const type = e.dataTransfer.getData(LAYER_MIME);
    if (!type) return;
    e.preventDefault();
    canvas.insertAt(type, screenToFlowPosition({ x: e.clientX, y: e.clientY }).y);
  };
  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
      <ReactFlow
        nodes={canvas.nodes}
        edges={canvas.edges}
        nodeTypes={nodeTypes}
        onNodesChange={canvas.onNodesChange}
        onDelete={canvas.onDelete}
        onConnect={canvas.onConnect}
        isValidConnection={canvas.isValidConnection}
        onNodeDragStop={canvas.onNodeDragStop}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        deleteKeyCode={DELETE_KEYS}
        onlyRenderVisibleElements={canvas.nodes.length > RENDER_VISIBLE_FROM}
        colorMode={theme}
        minZoom={0.05}
        maxZoom={1.5}
        aria-label="Network canvas"
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
      {canvas.nodes.length <= 1 && <CanvasEmpty />}
    </div>
  );
}

/** The network as a graph: drop layers from the palette, connect merge layers, drag to reorder. */
export function Canvas({ inspection }: { inspection: Inspection }) {
  return (
    <ReactFlowProvider>
      <Flow inspection={inspection} />
    </ReactFlowProvider>
  );
}
