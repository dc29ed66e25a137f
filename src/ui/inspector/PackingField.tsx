import type { LayerReport } from '../../core/inspect/report.ts';
import type { ParamField } from './param-fields.ts';
import { packingChoices } from './packing-choices.ts';

/**
 * How the blob stores a layer's weights: a radio group (arrow keys move the choice), each choice priced
 * with this layer's weights. Choosing the default removes the parameter, as the other fields do.
 */
export function PackingField(props: {
  layerId: string;
  field: ParamField;
  value: unknown;
  report?: LayerReport | undefined;
  error?: string;
  onChange: (value: unknown) => void;
}) {
  const { layerId, field, value, report, error, onChange } = props;
  const name = `packing-${layerId}`;
  const current = value ?? field.defaultValue;
  return (
    <fieldset className={`inputs packing${error ? ' invalid' : ''}`} data-testid="packing-field">
      <legend>Weights stored as</legend>
      {packingChoices(field.options ?? [], report).map((c) => {
        const id = `${name}-${c.value}`;
        return (
          <div key={c.value} className="packing-choice">
            <div className="field check">
              <input
                id={id}
                type="radio"
                name={name}
                value={c.value}
                checked={current === c.value}
                aria-describedby={`${id}-note`}
                onChange={() => onChange(c.value === field.defaultValue ? undefined : c.value)}
              />
              <label htmlFor={id}>{c.label}</label>
            </div>
            <p id={`${id}-note`} className="field-hint">
              {c.explanation}
            </p>
          </div>
        );
      })}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
