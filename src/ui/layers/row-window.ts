/** Rows above which the layer table draws only the rows in view (each drawn row costs layout and paint). */
export const WINDOW_ABOVE = 32;
/** Rows drawn beyond each edge of the view, so a fast scroll shows rows before the next range lands. */
const OVERSCAN = 12;

export interface RowRange {
  /** First drawn row. */
  readonly from: number;
  /** One past the last drawn row. */
  readonly to: number;
}

/**
 * The rows of a table of `count` rows of `rowHeight` px that a scroller `viewHeight` px tall, scrolled to
 * `scrollTop`, shows, with OVERSCAN rows either side; every row when the table is small.
 */
export function visibleRows(
  count: number,
  scrollTop: number,
  viewHeight: number,
  rowHeight: number,
): RowRange {
  if (count <= WINDOW_ABOVE || rowHeight <= 0) return { from: 0, to: count };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(viewHeight, rowHeight) / rowHeight);
  const from = Math.max(0, Math.min(first - OVERSCAN, count - shown - OVERSCAN));
  return { from, to: Math.min(count, first + shown + OVERSCAN) };
}
