import { MinnowError } from '../../core/errors.ts';
import { tokenizeCsv, type CsvRecord } from './csv-tokenize.ts';
import { IssueLog } from './types.ts';

export interface CsvTableOptions {
  /** The label column: its header name (any case) or 0-based index. By default a column named like a
   * label (label, class, target, y, category), else the last column. */
  readonly label?: string | number;
  /** Whether the first line names the columns; detected when not given. */
  readonly header?: boolean;
}

/** The usable rows of a CSV file: numeric features and a label, each with its line. */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly featureColumns: readonly number[];
  readonly labelColumn: number;
  readonly rows: readonly { readonly line: number; readonly features: number[]; readonly label: string }[];
  readonly log: IssueLog;
}

/** Header names taken for the label column, most telling first. */
const LABEL_NAMES = ['label', 'class', 'category', 'target', 'y'];

export function isNumber(cell: string): boolean {
  return cell.trim() !== '' && Number.isFinite(Number(cell));
}

/** A first line is a header when one of its cells is not a number in a column that mostly holds numbers. */
export function looksLikeHeader(records: readonly CsvRecord[]): boolean {
  const [first, ...rest] = records;
  if (!first || rest.length === 0) return false;
  const sample = rest.slice(0, 50);
  return first.cells.some((cell, j) => {
    if (isNumber(cell)) return false;
    const numeric = sample.filter((r) => isNumber(r.cells[j] ?? '')).length;
    return numeric * 2 > sample.length;
  });
}

function labelIndex(columns: readonly string[], label: string | number | undefined, header: boolean): number {
  if (typeof label === 'number') {
    if (Number.isInteger(label) && label >= 0 && label < columns.length) return label;
  } else if (label !== undefined) {
    const at = columns.findIndex((c) => c.toLowerCase() === label.trim().toLowerCase());
    if (at >= 0) return at;
  } else {
    // The most label-like name wins: "label" over "y" in x,y,label.
    const lower = columns.map((c) => c.toLowerCase());
    const named = header ? LABEL_NAMES.map((n) => lower.indexOf(n)).find((i) => i >= 0) : undefined;
    return named ?? columns.length - 1;
  }
  throw new MinnowError('CSV_LABEL_COLUMN', {
    column: typeof label === 'number' ? `number ${label + 1}` : `"${label}"`,
    columns: columns.map((c) => `"${c}"`).join(', '),
  });
}

/** Reads a CSV file into numeric feature columns and a label column, reporting each bad row by line. */
export function readCsvTable(text: string, source: string, options: CsvTableOptions = {}): CsvTable {
  const log = new IssueLog();
  const { records, delimiter, unclosedQuoteLine } = tokenizeCsv(text);
  if (unclosedQuoteLine !== undefined)
    log.add({
      line: unclosedQuoteLine,
      message: 'a quoted value is never closed; the rest of the file is ignored',
    });
  // A quote that swallows every data row is the cause of whatever fails next: name it, not a column.
  if (unclosedQuoteLine !== undefined && records.length <= 1)
    throw new MinnowError('CSV_UNCLOSED_QUOTE', { line: unclosedQuoteLine });
  if (records.length === 0) throw new MinnowError('DATA_EMPTY', { source });
  if (delimiter !== ',')
    log.note(`Values are separated by ${delimiter === '\t' ? 'tabs' : `"${delimiter}"`}.`);
  const header = options.header ?? looksLikeHeader(records);
  const width = (records[0] as CsvRecord).cells.length;
  const columns = header
    ? (records[0] as CsvRecord).cells.map((c, j) => c || `column ${j + 1}`)
    : Array.from({ length: width }, (_, j) => `column ${j + 1}`);
  if (header) log.note(`The first line names the columns: ${columns.join(', ')}.`);
  const data = header ? records.slice(1) : records;
  const labelColumn = labelIndex(columns, options.label, header);
  const shaped = data.filter((r) => r.cells.length === width);
  const featureColumns = columns
    .map((_, j) => j)
    .filter((j) => {
      if (j === labelColumn) return false;
      const count = shaped.filter((r) => isNumber(r.cells[j] ?? '')).length;
      const numeric = count > 0 && count * 2 >= shaped.length;
      if (!numeric) log.note(`Column "${columns[j]}" is ignored: it does not hold numbers.`);
      return numeric;
    });
  if (featureColumns.length === 0) throw new MinnowError('CSV_NO_FEATURES', { column: columns[labelColumn] });
  const rows: { line: number; features: number[]; label: string }[] = [];
  for (const r of data) {
    const bad = featureColumns.find((j) => !isNumber(r.cells[j] ?? ''));
    const label = r.cells[labelColumn] ?? '';
    if (r.cells.length !== width) {
      const first = header ? 'header has' : 'first line has';
      log.add({ line: r.line, message: `it has ${r.cells.length} values; the ${first} ${width}` });
    } else if (bad !== undefined) {
      const cell = r.cells[bad] ?? '';
      const held = cell === '' ? 'nothing' : `"${cell}"`;
      log.add({ line: r.line, message: `column "${columns[bad]}" holds ${held}, not a number` });
    } else if (label === '')
      log.add({ line: r.line, message: `the label ("${columns[labelColumn]}") is empty` });
    else rows.push({ line: r.line, features: featureColumns.map((j) => Number(r.cells[j])), label });
  }
  if (rows.length === 0) {
    const first = log.issues[0];
    throw new MinnowError('CSV_NO_USABLE_ROWS', {
      bad: log.count,
      rows: data.length,
      detail: first ? `line ${first.line}: ${first.message}` : 'the file has only a header',
    });
  }
  return { columns, featureColumns, labelColumn, rows, log };
}
