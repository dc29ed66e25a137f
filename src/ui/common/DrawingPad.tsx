import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { brushRadius, centreByMass, PAD_SIDE, stroke } from './drawing.ts';
import { sampleToRgba } from './sample-image.ts';
import './drawing-pad.css';

/** The pad's size on screen, whatever its side: a 28-cell digit at 8 pixels a cell. */
const SHOWN_PX = 224;

interface Props {
  /** Cells per side of the square, one-channel image it draws. */
  readonly side?: number;
  /** What the pad shows before any stroke (a sample to draw over); blank by default. */
  readonly initial?: Float32Array;
  /** Moves the ink's centre of mass to the middle before handing it on, as MNIST digits were prepared. */
  readonly centre?: boolean;
  readonly label: string;
  readonly testId?: string;
  /** Receives the pixels (0..1, row by row) after each finished stroke. */
  readonly onDraw: (pixels: Float32Array) => void;
}

/** A square pad to draw on with the mouse, pen or finger: white ink on black, read back as values 0..1. */
export function DrawingPad({ side = PAD_SIDE, initial, centre = false, label, testId, onDraw }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [grid, setGrid] = useState<Float32Array>(() =>
    initial?.length === side * side ? initial.slice() : new Float32Array(side * side),
  );
  const last = useRef<[number, number] | null>(null);
  // The pixels as of the last pointer event, which may not have rendered yet when the stroke ends.
  const ink = useRef(grid);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    const rgba = sampleToRgba(grid, [side, side, 1]);
    if (context && rgba)
      context.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, side, side), 0, 0);
  }, [grid, side]);

  const update = (next: Float32Array) => {
    ink.current = next;
    setGrid(next);
  };
  const cell = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const box = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - box.left) / box.width) * side, ((e.clientY - box.top) / box.height) * side];
  };
  const draw = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    const at = cell(e);
    const next = ink.current.slice();
    stroke(next, side, last.current, at, brushRadius(side));
    last.current = at;
    update(next);
  };
  return (
    <div className="drawing-pad">
      <canvas
        ref={canvas}
        width={side}
        height={side}
        style={{ width: SHOWN_PX, height: SHOWN_PX }}
        data-testid={testId}
        aria-label={label}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          last.current = cell(e);
          draw(e);
        }}
        onPointerMove={draw}
        onPointerUp={() => {
          last.current = null;
          onDraw(centre ? centreByMass(ink.current, side) : ink.current);
        }}
      />
      <button type="button" className="small" onClick={() => update(new Float32Array(side * side))}>
        Clear
      </button>
    </div>
  );
}
