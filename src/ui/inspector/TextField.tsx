import { useState, type ReactNode } from 'react';

/**
 * A text field bound to a value in the store. While it has the focus it shows what was typed (so "3," can
 * become "3, 3"); each keystroke is still applied at once, and blur shows the stored value again.
 */
export function TextField(props: {
  id: string;
  label: ReactNode;
  value: string;
  placeholder?: string;
  error?: string;
  hint?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  onChange: (text: string) => void;
  onCommit?: (text: string) => void;
}) {
  const { id, label, value, placeholder, error, hint, inputMode, onChange, onCommit } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const described = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
        value={draft ?? value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onFocus={() => setDraft(value)}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(e.target.value);
        }}
        onBlur={(e) => {
          onCommit?.(e.target.value);
          setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onCommit?.(e.currentTarget.value);
        }}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
