import { useState } from 'react';
import { useActions } from '../hooks/useEditor.ts';
import { TextField } from './TextField.tsx';

/** The layer id: renamed when the field is left (or Enter), refused with the reason when it clashes. */
export function IdField({ layerId }: { layerId: string }) {
  const { renameLayer } = useActions();
  const [error, setError] = useState<string | null>(null);
  const [shownFor, setShownFor] = useState(layerId);
  if (shownFor !== layerId) {
    setShownFor(layerId);
    setError(null);
  }
  const commit = (text: string) => setError(renameLayer(layerId, text));
  return (
    <TextField
      id={`layer-id-${layerId}`}
      label="Id"
      value={layerId}
      {...(error ? { error } : {})}
      onChange={() => setError(null)}
      onCommit={commit}
    />
  );
}
