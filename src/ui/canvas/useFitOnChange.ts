import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { useEditor } from '../hooks/useEditor.ts';
import { initialViewport } from './viewport.ts';

/** Brings the network into view when layers are added or removed, or another project opens. */
export function useFitOnChange(nodeCount: number): void {
  const { getNodesBounds, getNodes, setViewport } = useReactFlow();
  const flowStore = useStoreApi();
  const projectId = useEditor((s) => s.currentId);
  useEffect(() => {
    // Wait for the pane and the new nodes to be measured before placing the view around them.
    let frame = 0;
    const place = (tries: number) => {
      const { width, height } = flowStore.getState();
      const nodes = getNodes();
      const measured = nodes.every((n) => n.measured?.width !== undefined);
      if ((width === 0 || !measured) && tries > 0) {
        frame = requestAnimationFrame(() => place(tries - 1));
        return;
      }
      void setViewport(initialViewport(getNodesBounds(nodes), { width, height }), { duration: 150 });
    };
    frame = requestAnimationFrame(() => place(20));
    return () => cancelAnimationFrame(frame);
  }, [getNodesBounds, getNodes, setViewport, flowStore, nodeCount, projectId]);
}
