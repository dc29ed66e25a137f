import { downsample, extent, linearScale, linePath, niceTicks, type Point } from './chart.ts';

export interface Series {
  readonly name: string;
  readonly points: readonly Point[];
  /** A CSS colour; the theme's accent by default. */
  readonly color?: string;
  /** Marks each point: for sparse series such as one value per epoch. */
  readonly dots?: boolean;
}

const W = 360;
const H = 160;
const PAD = { left: 40, right: 16, top: 8, bottom: 22 };
const MAX_POINTS = 400;

const label = (v: number) =>
  Math.abs(v) >= 1000 || (v !== 0 && Math.abs(v) < 0.01) ? v.toExponential(0) : String(v);

/** A small SVG line chart with round ticks; long series are averaged down to a few hundred points. */
export function LineChart({
  title,
  series,
  xLabel,
}: {
  title: string;
  series: readonly Series[];
  xLabel: string;
}) {
  const shown = series.map((s) => ({ ...s, points: downsample(s.points, MAX_POINTS) }));
  const all = shown.flatMap((s) => s.points);
  const [x0, x1] = extent(all.map((p) => p[0]));
  const [y0, y1] = extent(all.map((p) => p[1]));
  const x = linearScale([x0, x1], [PAD.left, W - PAD.right]);
  const y = linearScale([Math.min(0, y0), y1], [H - PAD.bottom, PAD.top]);
  return (
    <figure className="chart">
      <figcaption>
        {title}
        {shown.map((s) => (
          <span key={s.name} className="chart-key">
            <span className="swatch" style={{ background: s.color ?? 'var(--accent)' }} aria-hidden="true" />{' '}
            {s.name}
          </span>
        ))}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title} by ${xLabel}`}>
        {niceTicks(Math.min(0, y0), y1, 4).map((t) => (
          <g key={`y${t}`} className="tick">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
            <text x={PAD.left - 4} y={y(t) + 3} textAnchor="end">
              {label(t)}
            </text>
          </g>
        ))}
        {niceTicks(x0, x1, 5).map((t) => (
          <text key={`x${t}`} className="tick" x={x(t)} y={H - 6} textAnchor="middle">
            {label(t)}
          </text>
        ))}
        {shown.map((s) => (
          <g key={s.name} stroke={s.color ?? 'var(--accent)'} fill={s.color ?? 'var(--accent)'}>
            <path d={linePath(s.points, x, y)} fill="none" strokeWidth={1.5} />
            {s.dots &&
              s.points
                .filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))
                .map((p) => <circle key={p[0]} cx={x(p[0])} cy={y(p[1])} r={2.5} />)}
          </g>
        ))}
      </svg>
    </figure>
  );
}
