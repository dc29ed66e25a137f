import { useCallback, useEffect, useLayoutEffect, useRef, useState, type UIEvent } from 'react';
import { visibleRows, type RowRange } from './row-window.ts';

/** Until a drawn row is measured: 12 px text, 5 px padding above and below, a 1 px border. */
const ROW_HEIGHT = 29;

/**
 * The rows of a long table to draw: those in its scroller's view. `onScroll` goes on the scroller; `rowHeight`
 * sizes the spacer rows that stand for the rows not drawn, so the scrollbar stays true. A newly selected row
 * (`selected`, its index; −1 for none) out of view is scrolled to the middle of the view. The table's head and
 * one fixed row sit above row 0.
 */
export function useRowWindow(
  count: number,
  selected: number,
): {
  readonly range: RowRange;
  readonly rowHeight: number;
  readonly scroller: React.RefObject<HTMLDivElement | null>;
  readonly onScroll: (e: UIEvent<HTMLDivElement>) => void;
} {
  const scroller = useRef<HTMLDivElement | null>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setView((v) =>
      v.top === el.scrollTop && v.height === el.clientHeight
        ? v
        : { top: el.scrollTop, height: el.clientHeight },
    );
  }, []);
  useLayoutEffect(() => {
    const el = scroller.current;
    const row = el?.querySelector<HTMLElement>('tbody tr[data-row]');
    if (!el || !row) return;
    const h = row.getBoundingClientRect().height;
    if (h > 0 && Math.abs(h - rowHeight) > 0.5) setRowHeight(h);
    if (el.clientHeight !== view.height) setView({ top: el.scrollTop, height: el.clientHeight });
  }, [count, rowHeight, view.height]);
  useEffect(() => {
    const el = scroller.current;
    if (!el || selected < 0) return;
    const top = (el.querySelector('thead')?.getBoundingClientRect().height ?? 0) + (selected + 1) * rowHeight;
    if (top >= el.scrollTop && top + rowHeight <= el.scrollTop + el.clientHeight) return;
    el.scrollTop = Math.max(0, top - (el.clientHeight - rowHeight) / 2);
    setView({ top: el.scrollTop, height: el.clientHeight });
    // Only a new selection scrolls; edits to the same selection do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected]);
  return { range: visibleRows(count, view.top, view.height, rowHeight), rowHeight, scroller, onScroll };
}
