import { useEffect, useMemo, useRef } from 'react';
import { extent, linearScale, linePath } from './chart.ts';
import { sampleSeries, sampleToRgba } from '../common/sample-image.ts';

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];

/** One sample: an image for [h, w, 1|3], otherwise a small plot of each channel. */
export function SamplePreview({
  x,
  shape,
  size = 56,
  label,
}: {
  x: Float32Array;
  shape: readonly number[];
  size?: number;
  label?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const rgba = useMemo(() => sampleToRgba(x, shape), [x, shape]);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !rgba) return;
    context.putImageData(
      new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, shape[1] ?? 1, shape[0] ?? 1),
      0,
      0,
    );
  }, [rgba, shape]);
  if (rgba) {
    return (
      <canvas
        ref={canvas}
        className="sample-image"
        width={shape[1]}
        height={shape[0]}
        style={{ width: size, height: size }}
        role="img"
        aria-label={label ?? 'sample'}
      />
    );
  }
  const series = sampleSeries(x, shape);
  const steps = series[0]?.length ?? 0;
  const sx = linearScale([0, Math.max(1, steps - 1)], [1, size * 1.6 - 1]);
  const sy = linearScale(extent(series.flat()), [size - 2, 2]);
  return (
    <svg className="sample-plot" width={size * 1.6} height={size} role="img" aria-label={label ?? 'sample'}>
      {series.slice(0, COLORS.length).map((values, c) => (
        <path
          key={c}
          d={linePath(
            values.map((v, s) => [s, v] as const),
            sx,
            sy,
          )}
          fill="none"
          stroke={COLORS[c]}
          strokeWidth={1}
        />
      ))}
    </svg>
  );
}
