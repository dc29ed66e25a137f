import type { CSSProperties } from 'react';

/** counts[truth][predicted] as a table shaded by share of each true class; the diagonal is right. */
export function ConfusionMatrix({
  names,
  counts,
  caption,
}: {
  names: readonly string[];
  counts: readonly (readonly number[])[];
  caption: string;
}) {
  return (
    <table className="confusion" data-testid="confusion-matrix">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">true ↓ / predicted →</th>
          {names.map((n) => (
            <th key={n} scope="col">
              {n}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {counts.map((row, t) => {
          const total = Math.max(
            1,
            row.reduce((a, b) => a + b, 0),
          );
          return (
            <tr key={names[t] ?? t}>
              <th scope="row">{names[t]}</th>
              {row.map((n, p) => (
                <td
                  key={p}
                  className={t === p ? 'diag' : n > 0 ? 'miss' : undefined}
                  style={{ '--share': n / total } as CSSProperties}
                  title={`${n} "${names[t]}" read as "${names[p]}"`}
                >
                  {n || ''}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
