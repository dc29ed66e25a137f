import type { ModelSpec } from '../../core/model/types.ts';
import { getOp } from '../../core/ops/registry.ts';
import { connectableSources } from '../../state/spec-connect.ts';
import { resolvedInputs } from '../../state/spec-edit.ts';
import { useActions } from '../hooks/useEditor.ts';

/** A layer's inputs, editable without a mouse: the keyboard way to connect Add / Concatenate. */
export function InputsEditor({ spec, index }: { spec: ModelSpec; index: number }) {
  const { connect, disconnect } = useActions();
  const layer = spec.layers[index];
  if (!layer) return null;
  const inputs = resolvedInputs(spec, index);
  const merges = (getOp(layer.type)?.arity.max ?? 1) > 1;
  const candidates = connectableSources(spec, layer.id);
  return (
    <fieldset className="inputs">
      <legend>Inputs{layer.inputs ? '' : ' (the previous layer)'}</legend>
      <ul>
        {inputs.map((id) => (
          <li key={id}>
            <span>{id}</span>
            {layer.inputs && (
              <button
                type="button"
                className="small"
                onClick={() => disconnect(id, layer.id)}
                aria-label={`Remove input ${id}`}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {candidates.length > 0 && (
        <label className="field">
          <span>{merges ? 'Add an input' : 'Take the input from'}</span>
          <select value="" onChange={(e) => e.target.value && connect(e.target.value, layer.id)}>
            <option value="">choose a layer…</option>
            {candidates.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
