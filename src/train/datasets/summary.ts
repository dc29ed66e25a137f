import { datasetFingerprint } from './fingerprint.ts';
import { classCounts, sampleOf, type Dataset, type DataReport } from './types.ts';

/** A few samples to show before training: values and what they are labelled. */
export interface Preview {
  readonly index: number;
  readonly x: Float32Array;
  /** Class name, or the target values as text. */
  readonly label: string;
}

/** What the UI shows of a loaded data set: no bulk arrays, so it is cheap to post from the worker. */
export interface DatasetSummary {
  readonly name: string;
  readonly count: number;
  readonly sampleShape: readonly number[];
  readonly task: 'classes' | 'values';
  readonly classNames: readonly string[];
  /** Samples per class, in class order (empty for values). */
  readonly classCounts: readonly number[];
  readonly previews: readonly Preview[];
  /** For one input and one target value (sine): up to 300 (x, y) points to plot. */
  readonly points: readonly (readonly [number, number])[];
  readonly report: DataReport;
  /** Order-independent hash of the (label, values) pairs: equal for the same samples however loaded. */
  readonly fingerprint?: string;
}

const PER_CLASS = 3;
const MAX_PREVIEWS = 30;
const MAX_POINTS = 300;

export function labelText(dataset: Dataset, i: number): string {
  const t = dataset.target;
  if (t.kind === 'classes') return t.names[t.labels[i] ?? 0] ?? '?';
  return Array.from(t.values.subarray(i * t.size, (i + 1) * t.size), (v) => v.toFixed(3)).join(', ');
}

function previewIndices(dataset: Dataset): number[] {
  const t = dataset.target;
  if (t.kind !== 'classes') return Array.from({ length: Math.min(dataset.count, 12) }, (_, i) => i);
  const taken = new Array<number>(t.names.length).fill(0);
  const out: number[] = [];
  for (let i = 0; i < dataset.count && out.length < MAX_PREVIEWS; i++) {
    const label = t.labels[i] ?? 0;
    if ((taken[label] ?? 0) >= PER_CLASS) continue;
    taken[label] = (taken[label] ?? 0) + 1;
    out.push(i);
  }
  return out.sort((a, b) => (t.labels[a] ?? 0) - (t.labels[b] ?? 0) || a - b);
}

export function summarize(dataset: Dataset, report: DataReport): DatasetSummary {
  const t = dataset.target;
  const scalar = t.kind === 'values' && t.size === 1 && dataset.x.length === dataset.count;
  const step = Math.max(1, Math.ceil(dataset.count / MAX_POINTS));
  const points: [number, number][] = [];
  if (scalar)
    for (let i = 0; i < dataset.count; i += step)
      points.push([dataset.x[i] as number, t.values[i] as number]);
  return {
    name: dataset.name,
    count: dataset.count,
    sampleShape: dataset.sampleShape,
    task: t.kind,
    classNames: t.kind === 'classes' ? t.names : [],
    classCounts: classCounts(dataset),
    previews: previewIndices(dataset).map((index) => ({
      index,
      x: sampleOf(dataset, index).slice(),
      label: labelText(dataset, index),
    })),
    points,
    report,
    fingerprint: datasetFingerprint(dataset, (i) => labelText(dataset, i)),
  };
}
