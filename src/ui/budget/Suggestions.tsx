import type { Suggestion } from '../../core/budget/suggest.ts';
import { useActions } from '../hooks/useEditor.ts';

/** Concrete fixes for a model that does not fit, each applicable with one click where it can be. */
export function Suggestions({ items }: { items: readonly Suggestion[] }) {
  const { replaceModel, setChip } = useActions();
  if (items.length === 0) return null;
  const apply = (s: Suggestion): (() => void) | undefined => {
    if (s.kind === 'reduce' || s.kind === 'scale' || s.kind === 'pack') return () => replaceModel(s.patch);
    const chipId = s.kind === 'chip' ? s.chipId : undefined;
    return chipId ? () => setChip(chipId) : undefined;
  };
  return (
    <section className="suggestions" aria-label="How to make it fit">
      <h3>How to make it fit</h3>
      <ul>
        {items.map((s) => {
          const onApply = apply(s);
          return (
            <li key={s.description}>
              <span>{s.description}</span>
              {onApply && (
                <button type="button" className="primary small" onClick={onApply}>
                  Apply
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
