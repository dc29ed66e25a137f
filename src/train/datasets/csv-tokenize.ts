/** One record of a delimited text file and the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

export interface Tokenized {
  readonly delimiter: string;
  readonly records: CsvRecord[];
  /** The line of a quoted cell that never closes; that record is dropped. */
  readonly unclosedQuoteLine?: number;
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter most used in the first line outside quotes; a comma when there is none. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|\r|$/)).replace(/"[^"]*"/g, '');
  let best: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = firstLine.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/**
 * Splits CSV text into records (RFC 4180: quoted cells may hold delimiters, newlines and "" for a quote).
 * Blank lines are skipped; cells are trimmed unless quoted.
 */
export function tokenizeCsv(text: string, delimiter = detectDelimiter(text)): Tokenized {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  const endCell = () => {
    cells.push(quoted ? cell : cell.trim());
    cell = '';
    quoted = false;
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (inQuotes) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else {
        if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      inQuotes = true;
      quoted = true;
      cell = '';
    } else if (c === delimiter) endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += c;
  }
  if (inQuotes) return { delimiter, records, unclosedQuoteLine: recordLine };
  endRecord();
  return { delimiter, records };
}
