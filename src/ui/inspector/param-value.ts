import type { FieldKind } from './param-fields.ts';

/** How a parameter value reads in a text field: lists as "3, 3", nothing as "". */
export function valueToText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * The value a text field stands for. Text that is not a number is kept as typed, so that the model's own
 * validation explains what is wrong on the node instead of the field silently refusing it.
 */
export function textToValue(text: string, kind: FieldKind): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  const asNumber = (s: string): number | string =>
    /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : s;
  if (kind === 'window' || kind === 'shape') {
    const parts = t
      .replace(/^\[|\]$/g, '')
      .split(/[,\sx×]+/)
      .filter((p) => p !== '');
    const values = parts.map(asNumber);
    if (values.some((v) => typeof v === 'string')) return t;
    return kind === 'window' && values.length === 1 ? values[0] : values;
  }
  return asNumber(t);
}
