import type { DragEvent } from 'react';
import { useActions } from '../hooks/useEditor.ts';
import { LAYER_MIME } from '../canvas/drop.ts';

export function PaletteItem({ type, summary }: { type: string; summary: string }) {
  const { insertLayer, notify } = useActions();
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(LAYER_MIME, type);
    e.dataTransfer.effectAllowed = 'copy';
  };
  const onClick = () => {
    const id = insertLayer(type);
    notify({ kind: 'info', text: `Added ${type} layer “${id}”.`, quiet: true });
  };
  return (
    <button
      type="button"
      className="palette-item"
      draggable
      onDragStart={onDragStart}
      onClick={onClick}
      title={summary}
      data-layer-type={type}
    >
      <span className="grip" aria-hidden="true">
        ⋮⋮
      </span>
      <span className="palette-name">{type}</span>
    </button>
  );
}
