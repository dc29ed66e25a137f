import type { MinnowError } from '../../core/errors.ts';
import { ProblemMessage } from '../common/ProblemMessage.tsx';
import { useActions } from '../hooks/useEditor.ts';

/** The budget of an invalid model: a pointer to the layer at fault (whose node and inspector say why). */
export function BudgetBlocked({ error }: { error: MinnowError }) {
  const { select } = useActions();
  const layerId = error.layerId;
  if (layerId === undefined) return <ProblemMessage error={error} />;
  return (
    <div className="blocked" role="status">
      <p>
        The budget returns once layer <strong>“{layerId}”</strong> is fixed (error E{error.code}).
      </p>
      <button type="button" className="small" onClick={() => select(layerId)}>
        Show layer “{layerId}”
      </button>
    </div>
  );
}
