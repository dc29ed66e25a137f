import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { useEditor } from '../hooks/useEditor.ts';
import type { FlowNode } from './flow.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './layout.ts';

/** Scrolls the canvas to a layer selected elsewhere (the layer table, the JSON panel) when it is out of view. */
export function useRevealSelected(nodes: readonly FlowNode[]): void {
  const selectedId = useEditor((s) => s.selectedId);
  const { setCenter, getViewport } = useReactFlow();
  const flowStore = useStoreApi();
  useEffect(() => {
    const node = nodes.find((n) => n.id === selectedId);
    if (!node) return;
    const { width, height } = flowStore.getState();
    const { x, y, zoom } = getViewport();
    const left = node.position.x * zoom + x;
    const top = node.position.y * zoom + y;
    const visible =
      left >= 0 && top >= 0 && left + NODE_WIDTH * zoom <= width && top + NODE_HEIGHT * zoom <= height;
    if (visible) return;
    void setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, {
      zoom: Math.max(zoom, 0.8),
      duration: 200,
    });
    // Only a new selection moves the view; re-layouts of the same selection do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);
}
