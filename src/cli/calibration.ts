import { MinnowError } from '../core/errors.ts';

/**
 * Calibration inputs from a CSV file: one input per row, `size` numbers each (in the model input's
 * row-major order), separated by commas or spaces. Blank lines and lines starting with `#` are skipped.
 */
export function calibrationRows(text: string, file: string, size: number): Float32Array[] {
  const rows: Float32Array[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const parts = trimmed.split(/[\s,]+/);
    const fail = (detail: string) => new MinnowError('CALIBRATION_CSV', { file, row: i + 1, detail, size });
    if (parts.length !== size) throw fail(`it holds ${parts.length} numbers, the model input takes ${size}`);
    rows.push(
      Float32Array.from(parts, (p) => {
        const v = Number(p);
        if (p === '' || !Number.isFinite(v)) throw fail(`"${p}" is not a finite number`);
        return v;
      }),
    );
  });
  if (rows.length === 0)
    throw new MinnowError('CALIBRATION_CSV', { file, row: 1, detail: 'it holds no row', size });
  return rows;
}
