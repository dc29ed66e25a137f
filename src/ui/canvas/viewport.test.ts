import { describe, expect, it } from 'vitest';
import { initialViewport, READABLE_ZOOM } from './viewport.ts';

const pane = { width: 700, height: 440 };

describe('initial view of the canvas', () => {
  it('shows a small network whole, centred, at most 1:1', () => {
    const v = initialViewport({ x: -116, y: 0, width: 232, height: 300 }, pane);
    expect(v.zoom).toBe(1);
    expect(v.x + (-116 + 116) * v.zoom).toBeCloseTo(350);
    expect(v.y + 150 * v.zoom).toBeCloseTo(220);
  });

  it('shows the top of a tall network at a readable zoom instead of shrinking it', () => {
    const v = initialViewport({ x: -116, y: 0, width: 232, height: 6000 }, pane);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(v.y).toBe(24);
  });
});
