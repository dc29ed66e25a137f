import { isMinnowError } from '../../core/errors.ts';

/** A training or data error: the catalog code, message and fix, and a link to the layer it names. */
export function TrainError({
  error,
  onShowLayer,
}: {
  error: Error;
  onShowLayer?: (layerId: string) => void;
}) {
  const layerId = isMinnowError(error) ? error.layerId : undefined;
  return (
    <div className="problem train-error" role="alert" data-testid="train-error">
      <p>
        {isMinnowError(error) && <strong>E{error.code} </strong>}
        {error.message}
      </p>
      {isMinnowError(error) && (
        <p>
          <strong>Fix:</strong> {error.hint}
        </p>
      )}
      {layerId !== undefined && onShowLayer && (
        <button type="button" onClick={() => onShowLayer(layerId)}>
          Show layer “{layerId}”
        </button>
      )}
    </div>
  );
}
