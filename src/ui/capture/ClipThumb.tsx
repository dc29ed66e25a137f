import { useMemo } from 'react';
import type { ClipCapture } from '../../core/capture/types.ts';
import { envelope } from './inputs.ts';

const W = 64;
const H = 28;

/** Plays a clip at its own rate through the speakers. */
function play(clip: ClipCapture): void {
  const context = new AudioContext();
  const buffer = context.createBuffer(1, clip.samples.length, clip.rate);
  buffer.getChannelData(0).set(Float32Array.from(clip.samples, (v) => v / 32768));
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.connect(context.destination);
  source.onended = () => void context.close();
  source.start();
}

/** A clip's waveform (min and max per column); clicking it plays the clip. */
export function ClipThumb({ clip }: { clip: ClipCapture }) {
  const bars = useMemo(() => envelope(clip.samples, W), [clip.samples]);
  return (
    <button
      type="button"
      className="clip-thumb"
      title="Play"
      aria-label={`Play clip of ${clip.label}`}
      onClick={() => play(clip)}
    >
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
        {bars.map(([lo, hi], x) => (
          <line key={x} x1={x + 0.5} x2={x + 0.5} y1={H / 2 - (hi * H) / 2} y2={H / 2 - (lo * H) / 2 + 0.5} />
        ))}
      </svg>
    </button>
  );
}
