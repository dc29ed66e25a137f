/** What a model learns to give for each sample: a class out of `names`, or `size` real values. */
export type Target =
  | { readonly kind: 'classes'; readonly names: readonly string[]; readonly labels: Int32Array }
  | { readonly kind: 'values'; readonly size: number; readonly values: Float32Array };

/** Samples held in one flat array, sample after sample, each of `sampleShape` (no batch axis). */
export interface Dataset {
  readonly name: string;
  readonly sampleShape: readonly number[];
  readonly count: number;
  readonly x: Float32Array;
  readonly target: Target;
  /**
   * For windows cut from one sequence in order: how many following samples share values with each (the
   * label included). The split then validates on a contiguous tail, that many samples apart from training.
   */
  readonly overlap?: number;
}

/** A problem with one row, file or column that was skipped rather than refused. */
export interface DataIssue {
  /** 1-based line of a text file. */
  readonly line?: number;
  /** Path of a file in an uploaded folder. */
  readonly file?: string;
  readonly message: string;
}

export interface DataReport {
  /** The first issues, in file order (at most MAX_ISSUES). */
  readonly issues: readonly DataIssue[];
  /** Every issue, including those not listed. */
  readonly issueCount: number;
  /** Facts worth telling the user: a detected header, an ignored column. */
  readonly notes: readonly string[];
}

export interface LoadedData {
  readonly dataset: Dataset;
  readonly report: DataReport;
}

export const MAX_ISSUES = 50;

/** Collects issues, keeping the first MAX_ISSUES and counting the rest. */
export class IssueLog {
  readonly issues: DataIssue[] = [];
  readonly notes: string[] = [];
  count = 0;

  add(issue: DataIssue): void {
    this.count++;
    if (this.issues.length < MAX_ISSUES) this.issues.push(issue);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  report(): DataReport {
    return { issues: this.issues, issueCount: this.count, notes: this.notes };
  }
}

export function sampleSize(dataset: Pick<Dataset, 'sampleShape'>): number {
  return dataset.sampleShape.reduce((a, b) => a * b, 1);
}

/** Sample `i` as a view into the data set (no copy). */
export function sampleOf(dataset: Dataset, i: number): Float32Array {
  const n = sampleSize(dataset);
  return dataset.x.subarray(i * n, (i + 1) * n);
}

/** Class counts of a classification data set, in class order. */
export function classCounts(dataset: Dataset): number[] {
  if (dataset.target.kind !== 'classes') return [];
  const counts = new Array<number>(dataset.target.names.length).fill(0);
  for (const label of dataset.target.labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}
