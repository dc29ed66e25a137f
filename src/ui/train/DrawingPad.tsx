import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { centreByMass, PAD_SIDE, stroke } from './drawing.ts';
import { sampleToRgba } from './sample-image.ts';

const SCALE = 8;
const blank = (): Float32Array => new Float32Array(PAD_SIDE * PAD_SIDE);

/** A 28x28 pad to draw a digit with the mouse, pen or finger; each finished stroke is sent to `onDigit`. */
export function DrawingPad({ onDigit }: { onDigit: (pixels: Float32Array) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [grid, setGrid] = useState<Float32Array>(blank);
  const last = useRef<[number, number] | null>(null);
  // The pixels as of the last pointer event, which may not have rendered yet when the stroke ends.
  const ink = useRef(grid);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    const rgba = sampleToRgba(grid, [PAD_SIDE, PAD_SIDE, 1]);
    if (context && rgba)
      context.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, PAD_SIDE, PAD_SIDE), 0, 0);
  }, [grid]);

  const update = (next: Float32Array) => {
    ink.current = next;
    setGrid(next);
  };
  const cell = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const box = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - box.left) / box.width) * PAD_SIDE, ((e.clientY - box.top) / box.height) * PAD_SIDE];
  };
  const draw = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    const at = cell(e);
    const next = ink.current.slice();
    stroke(next, last.current, at);
    last.current = at;
    update(next);
  };
  return (
    <div className="drawing-pad">
      <canvas
        ref={canvas}
        width={PAD_SIDE}
        height={PAD_SIDE}
        style={{ width: PAD_SIDE * SCALE, height: PAD_SIDE * SCALE }}
        data-testid="drawing-pad"
        aria-label="Draw a digit here"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          last.current = cell(e);
          draw(e);
        }}
        onPointerMove={draw}
        onPointerUp={() => {
          last.current = null;
          onDigit(centreByMass(ink.current));
        }}
      />
      <button type="button" onClick={() => update(blank())}>
        Clear
      </button>
    </div>
  );
}
