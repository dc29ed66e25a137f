import type { DatasetSummary } from '../../train/datasets/summary.ts';
import { manyClasses, topIndices } from './classes.ts';
import { LineChart } from './LineChart.tsx';
import { SamplePreview } from './SamplePreview.tsx';
import { TextPreviews } from './TextPreviews.tsx';

function ClassBalance({ names, counts }: { names: readonly string[]; counts: readonly number[] }) {
  const most = Math.max(1, ...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  return (
    <table className="class-balance" aria-label="Samples per class">
      <tbody>
        {names.map((name, i) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="balance-bar">
              <span style={{ width: `${(100 * (counts[i] ?? 0)) / most}%` }} />
            </td>
            <td className="fig">
              {counts[i] ?? 0} ({(((counts[i] ?? 0) / Math.max(1, total)) * 100).toFixed(0)} %)
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** For many classes, a line naming the most common ones instead of a row each. */
function CommonClasses({ names, counts }: { names: readonly string[]; counts: readonly number[] }) {
  const total = Math.max(
    1,
    counts.reduce((a, b) => a + b, 0),
  );
  const used = counts.filter((c) => c > 0).length;
  const common = topIndices(counts, 8).filter((i) => (counts[i] ?? 0) > 0);
  return (
    <p className="muted" data-testid="common-classes">
      {used} of {names.length} classes occur; the most common:{' '}
      {common.map((i) => `${names[i] ?? i} ${((100 * (counts[i] ?? 0)) / total).toFixed(1)} %`).join(' · ')}
    </p>
  );
}

function Issues({ summary }: { summary: DatasetSummary }) {
  const { report } = summary;
  if (report.issueCount === 0 && report.notes.length === 0) return null;
  return (
    <details className="data-report" open={report.issueCount > 0}>
      <summary>{report.issueCount > 0 ? `${report.issueCount} skipped (see why)` : 'Notes'}</summary>
      <ul>
        {report.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
        {report.issues.map((i, k) => (
          <li key={k} className="issue">
            {i.line !== undefined ? `Line ${i.line}: ` : ''}
            {i.file !== undefined ? `${i.file}: ` : ''}
            {i.message}
          </li>
        ))}
        {report.issueCount > report.issues.length && (
          <li>… and {report.issueCount - report.issues.length} more.</li>
        )}
      </ul>
    </details>
  );
}

/**
 * The loaded data set: size, class balance, a few samples and what was skipped on the way in. `text` shows
 * the samples as the text windows they are (a character model's data).
 */
export function DataSummary({ summary, text = false }: { summary: DatasetSummary; text?: boolean }) {
  const classes = summary.task === 'classes';
  const many = manyClasses(summary.classNames.length);
  return (
    <div className="data-summary" data-testid="data-summary" data-fingerprint={summary.fingerprint}>
      <p>
        <strong>{summary.name}</strong>:{' '}
        <span data-testid="data-count">{summary.count.toLocaleString('en')}</span> samples of shape [
        {summary.sampleShape.join(', ')}]
        {summary.task === 'classes' ? `, ${summary.classNames.length} classes` : ', a value to predict'}
      </p>
      {classes && !many && <ClassBalance names={summary.classNames} counts={summary.classCounts} />}
      {classes && many && <CommonClasses names={summary.classNames} counts={summary.classCounts} />}
      {summary.points.length > 0 && (
        <LineChart
          title="Samples (x, y)"
          xLabel="x"
          series={[{ name: 'y', points: [...summary.points].sort((a, b) => a[0] - b[0]) }]}
        />
      )}
      {text ? (
        <TextPreviews previews={summary.previews} />
      ) : (
        <div className="previews">
          {summary.previews.map((p) => (
            <figure key={p.index}>
              <SamplePreview x={p.x} shape={summary.sampleShape} label={`sample ${p.index}: ${p.label}`} />
              <figcaption>{p.label}</figcaption>
            </figure>
          ))}
        </div>
      )}
      <Issues summary={summary} />
    </div>
  );
}
