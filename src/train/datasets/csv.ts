import { MinnowError } from '../../core/errors.ts';
import { isNumber, readCsvTable, type CsvTableOptions } from './csv-table.ts';
import type { LoadedData, Target } from './types.ts';

export interface CsvOptions extends CsvTableOptions {
  /** Classes, or real values to regress; by default values when some label is a fraction. */
  readonly task?: 'classification' | 'regression';
}

/** Class names in a natural order: numerically when every name is a number. */
export function sortClassNames(names: Iterable<string>): string[] {
  const list = [...new Set(names)];
  return list.every(isNumber)
    ? list.sort((a, b) => Number(a) - Number(b))
    : list.sort((a, b) => a.localeCompare(b));
}

function detectTask(labels: readonly string[]): 'classification' | 'regression' {
  return labels.every(isNumber) && labels.some((l) => !Number.isInteger(Number(l)))
    ? 'regression'
    : 'classification';
}

/** A CSV file as a data set: numeric columns are the features of a [features] sample, one column the label. */
export function parseCsv(text: string, source: string, options: CsvOptions = {}): LoadedData {
  const table = readCsvTable(text, source, options);
  const { log } = table;
  const task = options.task ?? detectTask(table.rows.map((r) => r.label));
  const labelName = table.columns[table.labelColumn];
  const rows = table.rows.filter((r) => {
    if (task === 'classification' || isNumber(r.label)) return true;
    log.add({ line: r.line, message: `the label "${r.label}" is not a number, and the task is regression` });
    return false;
  });
  if (rows.length === 0) {
    const first = log.issues[0];
    const detail = first ? `line ${first.line}: ${first.message}` : 'no labels';
    throw new MinnowError('CSV_NO_USABLE_ROWS', { bad: log.count, rows: table.rows.length, detail });
  }
  const size = table.featureColumns.length;
  const x = new Float32Array(rows.length * size);
  rows.forEach((r, i) => x.set(r.features, i * size));
  let target: Target;
  if (task === 'regression') {
    target = { kind: 'values', size: 1, values: Float32Array.from(rows, (r) => Number(r.label)) };
  } else {
    const names = sortClassNames(rows.map((r) => r.label));
    const index = new Map(names.map((n, i) => [n, i]));
    target = { kind: 'classes', names, labels: Int32Array.from(rows, (r) => index.get(r.label) ?? 0) };
  }
  log.note(`${rows.length} rows: ${size} feature column(s), label "${labelName}" (${task}).`);
  return {
    dataset: { name: source, sampleShape: [size], count: rows.length, x, target },
    report: log.report(),
  };
}
