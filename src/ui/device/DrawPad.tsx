import { useRef, type PointerEvent } from 'react';

const SCALE = 6;

/** A square drawing pad for one-channel image inputs: white strokes on black, read back as values 0..1. */
export function DrawPad({ size, onChange }: { size: number; onChange: (values: Float32Array) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const read = () => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const { data } = ctx.getImageData(0, 0, size, size);
    onChange(Float32Array.from({ length: size * size }, (_, i) => (data[i * 4] ?? 0) / 255));
  };
  const draw = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = canvas.current?.getContext('2d');
    if (!drawing.current || !ctx) return;
    const box = e.currentTarget.getBoundingClientRect();
    ctx.fillStyle = '#fff';
    ctx.beginPath();
    ctx.arc(
      ((e.clientX - box.left) / box.width) * size,
      ((e.clientY - box.top) / box.height) * size,
      size / 14,
      0,
      2 * Math.PI,
    );
    ctx.fill();
  };
  const clear = () => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, size, size);
    read();
  };
  return (
    <div className="draw-pad">
      <canvas
        ref={canvas}
        width={size}
        height={size}
        style={{ width: size * SCALE, height: size * SCALE }}
        aria-label="Drawing pad"
        onPointerDown={(e) => {
          drawing.current = true;
          draw(e);
        }}
        onPointerMove={draw}
        onPointerUp={() => {
          drawing.current = false;
          read();
        }}
      />
      <button type="button" className="small" onClick={clear}>
        Clear drawing
      </button>
    </div>
  );
}
