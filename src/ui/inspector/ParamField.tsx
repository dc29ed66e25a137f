import type { ParamField as Field } from './param-fields.ts';
import { textToValue, valueToText } from './param-value.ts';
import { TextField } from './TextField.tsx';

const LABELS: Readonly<Record<string, string>> = {
  units: 'Units',
  filters: 'Filters',
  kernelSize: 'Kernel size',
  poolSize: 'Pool size',
  strides: 'Strides',
  padding: 'Padding',
  activation: 'Activation',
  useBias: 'Use bias',
  depthMultiplier: 'Depth multiplier',
  rate: 'Dropout rate',
  targetShape: 'Target shape',
  maxValue: 'Max value',
  inputDim: 'Vocabulary size',
  outputDim: 'Vector size',
  returnSequences: 'Return sequences',
  recurrentActivation: 'Gate activation',
  axis: 'Axis',
  momentum: 'Momentum',
  epsilon: 'Epsilon',
  resetAfter: 'Reset after',
};

export const fieldLabel = (name: string): string => LABELS[name] ?? name;

const describeDefault = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v));

/** One parameter of a layer; writes each change to the model, which validates it at once. */
export function ParamField(props: {
  layerId: string;
  field: Field;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}) {
  const { layerId, field, value, error, onChange } = props;
  const id = `param-${layerId}-${field.name}`;
  const label = fieldLabel(field.name);
  const fallback =
    field.defaultValue === undefined ? undefined : `default ${describeDefault(field.defaultValue)}`;
  if (field.kind === 'boolean') {
    return (
      <div className="field check">
        <input
          id={id}
          type="checkbox"
          checked={(value ?? field.defaultValue) === true}
          onChange={(e) => onChange(e.target.checked === field.defaultValue ? undefined : e.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
    );
  }
  if (field.kind === 'enum') {
    return (
      <div className={`field${error ? ' invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">{fallback ?? 'choose…'}</option>
          {field.options?.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        {error && <p className="field-error">{error}</p>}
      </div>
    );
  }
  const hint = field.kind === 'window' ? 'One number, or one per axis: 3 or 3, 3' : undefined;
  return (
    <TextField
      id={id}
      label={
        <>
          {label}
          {field.required && <span className="req"> (required)</span>}
        </>
      }
      value={valueToText(value)}
      placeholder={fallback}
      inputMode={field.kind === 'int' ? 'numeric' : 'decimal'}
      {...(error ? { error } : {})}
      {...(hint ? { hint } : {})}
      onChange={(text) => onChange(textToValue(text, field.kind))}
    />
  );
}
