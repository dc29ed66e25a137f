import type { MinnowError } from '../../core/errors.ts';
import { useActions } from '../hooks/useEditor.ts';
import { ErrorNote } from './ErrorNote.tsx';

/** A model error with its code and fix, and a way to the layer it names. */
export function ProblemMessage({ error, showLayer = true }: { error: MinnowError; showLayer?: boolean }) {
  const { select } = useActions();
  const layerId = error.layerId;
  return (
    <ErrorNote error={error}>
      {showLayer && layerId !== undefined && (
        <button type="button" onClick={() => select(layerId)}>
          Show layer “{layerId}”
        </button>
      )}
    </ErrorNote>
  );
}
