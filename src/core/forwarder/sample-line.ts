/**
 * One printed line as one sample (docs/SENSORS.md S-2): numbers separated by commas, semicolons, spaces or
 * tabs, in decimal or exponent notation. Anything else — words, binary noise, NaN, infinities, an empty field
 * between two commas — makes the whole line a bad line, so a sample is never half made up.
 */

export const MAX_CHANNELS = 32;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SEPARATED = /\s*[,;]\s*|[ \t]+/;

export type SampleLine =
  { readonly values: readonly number[] } | { readonly blank: true } | { readonly bad: string };

export function parseSampleLine(line: string): SampleLine {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const trimmed = text.trim();
  if (trimmed === '') return { blank: true };
  const fields = trimmed.replace(/[,;]\s*$/, '').split(SEPARATED);
  if (fields.length > MAX_CHANNELS) return { bad: `${fields.length} fields, more than ${MAX_CHANNELS}` };
  const values: number[] = [];
  for (const field of fields) {
    if (!NUMBER.test(field)) return { bad: `"${printable(field)}" is not a number` };
    const value = Number(field);
    if (!Number.isFinite(value)) return { bad: `"${printable(field)}" is out of range` };
    values.push(value);
  }
  return { values };
}

/** A field as a person can read it in a message: control and non-ASCII bytes as dots, at most 16 characters. */
function printable(field: string): string {
  const shown = field.replace(/[^\x20-\x7e]/g, '.');
  return shown.length > 16 ? `${shown.slice(0, 16)}…` : shown;
}
