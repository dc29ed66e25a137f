import { describe, expect, it } from 'vitest';
import { visibleRows, WINDOW_ABOVE } from './row-window.ts';

describe('visibleRows', () => {
  it('draws every row of a small table', () => {
    expect(visibleRows(WINDOW_ABOVE, 5000, 200, 29)).toEqual({ from: 0, to: WINDOW_ABOVE });
  });

  it('draws the rows in view of a long table, twelve more either side', () => {
    // 200 rows of 30 px; the view shows rows 100..109 (3000 px down, 300 px tall).
    expect(visibleRows(200, 3000, 300, 30)).toEqual({ from: 88, to: 122 });
  });

  it('starts at the first row at the top and ends at the last row at the bottom', () => {
    expect(visibleRows(200, 0, 300, 30)).toEqual({ from: 0, to: 22 });
    const end = visibleRows(200, 200 * 30 - 300, 300, 30);
    expect(end.to).toBe(200);
    expect(end.to - end.from).toBeGreaterThanOrEqual(10);
  });

  it('covers the view whatever the scroll position', () => {
    for (let top = 0; top <= 30 * 300; top += 7) {
      const r = visibleRows(300, top, 250, 30);
      expect(r.from * 30).toBeLessThanOrEqual(Math.min(top, 300 * 30 - 250));
      expect(r.to * 30).toBeGreaterThanOrEqual(Math.min(top + 250, 300 * 30));
    }
  });
});
