import { MinnowError } from '../../core/errors.ts';
import { sortClassNames } from './csv.ts';
import { readCsvTable, type CsvTableOptions } from './csv-table.ts';
import type { LoadedData } from './types.ts';

export interface ImuOptions extends CsvTableOptions {
  /** Rows per window: the model input's first axis. */
  readonly steps: number;
  /** Rows between the starts of two windows; half a window by default. */
  readonly stride?: number;
}

/** Columns holding the time of a row rather than a sensor value: t, time, timestamp, t_ms, time_s, millis… */
const TIME_COLUMN = /^(t|time|timestamp|ms|millis|micros|seconds)([ _-]?(s|ms|us))?$/;

interface Segment {
  readonly label: string;
  readonly rows: number[][];
}

/** Runs of consecutive lines with the same label: one recording of one gesture each. */
function segments(rows: readonly { line: number; features: number[]; label: string }[]): Segment[] {
  const out: Segment[] = [];
  let last: { line: number; label: string } | undefined;
  for (const r of rows) {
    const current = out[out.length - 1];
    if (current && last && last.label === r.label && r.line === last.line + 1) current.rows.push(r.features);
    else out.push({ label: r.label, rows: [r.features] });
    last = r;
  }
  return out;
}

/**
 * An IMU recording (one row per reading: sensor columns and a label) cut into windows of `steps` rows for
 * a Conv1D model, samples of shape [steps, channels]. A window never spans two labels, a skipped bad row
 * or a blank line.
 */
export function imuWindows(text: string, source: string, options: ImuOptions): LoadedData {
  const table = readCsvTable(text, source, options);
  const { log, columns } = table;
  const keep = table.featureColumns
    .map((j, k) => ({ j, k }))
    .filter(({ j }) => !TIME_COLUMN.test((columns[j] ?? '').trim().toLowerCase()));
  if (keep.length < table.featureColumns.length)
    log.note('Time columns are ignored; rows are taken in file order.');
  if (keep.length === 0) throw new MinnowError('CSV_NO_FEATURES', { column: columns[table.labelColumn] });
  const channels = keep.length;
  const { steps } = options;
  const stride = Math.max(1, Math.round(options.stride ?? steps / 2));
  const rows = table.rows.map((r) => ({ ...r, features: keep.map(({ k }) => r.features[k] as number) }));
  const windows: { label: string; rows: number[][] }[] = [];
  let longest = 0;
  for (const s of segments(rows)) {
    longest = Math.max(longest, s.rows.length);
    for (let start = 0; start + steps <= s.rows.length; start += stride)
      windows.push({ label: s.label, rows: s.rows.slice(start, start + steps) });
  }
  if (windows.length === 0) throw new MinnowError('IMU_TOO_SHORT', { window: steps, longest });
  const names = sortClassNames(windows.map((w) => w.label));
  const index = new Map(names.map((n, i) => [n, i]));
  const x = new Float32Array(windows.length * steps * channels);
  windows.forEach((w, i) => w.rows.forEach((r, t) => x.set(r, (i * steps + t) * channels)));
  const labels = Int32Array.from(windows, (w) => index.get(w.label) ?? 0);
  log.note(`${windows.length} windows of ${steps} rows x ${channels} channels, every ${stride} rows.`);
  return {
    dataset: {
      name: source,
      sampleShape: [steps, channels],
      count: windows.length,
      x,
      target: { kind: 'classes', names, labels },
    },
    report: log.report(),
  };
}
