interface NumberFieldProps {
  id: string;
  label: string;
  value: number;
  step: number;
  min: number;
  max?: number;
  disabled: boolean;
  onChange: (value: number) => void;
  testId?: string;
}

/** A labelled number input that passes on only finite numbers. */
export function NumberField({
  id,
  label,
  value,
  step,
  min,
  max,
  disabled,
  onChange,
  testId,
}: NumberFieldProps) {
  return (
    <label htmlFor={id}>
      {label}
      <input
        id={id}
        type="number"
        value={value}
        step={step}
        min={min}
        max={max}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => Number.isFinite(e.target.valueAsNumber) && onChange(e.target.valueAsNumber)}
      />
    </label>
  );
}
