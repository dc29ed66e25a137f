import type { ReactNode } from 'react';
import type { TrainingRecord } from '../../state/index.ts';

/** "7 Dec 2026, 04:40": the record's time in the reader's own zone. */
export function runDate(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Results restored from the project (PT-6): said to come from the last run, and greyed with a call to train
 * again when the model changed since that run.
 */
export function LastRun({
  restored,
  what,
  children,
}: {
  restored: { readonly record: TrainingRecord; readonly stale: boolean };
  /** What is shown: "curves", "int8 report". */
  what: string;
  children: ReactNode;
}) {
  const { record, stale } = restored;
  const data = record.dataset;
  return (
    <div className={`last-run${stale ? ' stale' : ''}`} data-testid="last-run" data-stale={stale}>
      <p className="muted">
        {`The ${what} from the last run on ${runDate(record.savedAt)}`}
        {data ? `, on ${data.name} (${data.count.toLocaleString('en')} samples)` : ''}.
      </p>
      {stale && (
        <p className="notice" role="status" data-testid="last-run-stale">
          The model changed since this run: train again.
        </p>
      )}
      <div className="last-run-body">{children}</div>
    </div>
  );
}
