export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** Below this zoom node text is unreadable: a tall network is shown from its top instead of shrunk to fit. */
export const READABLE_ZOOM = 0.6;
const PADDING = 24;

/**
 * The view of a network: the whole graph when it fits at a readable zoom (at most 1:1), else its top part at
 * the readable zoom, centred horizontally, so the input and the first layers are in view.
 */
export function initialViewport(bounds: Box, pane: { width: number; height: number }): Viewport {
  const fit = Math.min(
    (pane.width - 2 * PADDING) / Math.max(bounds.width, 1),
    (pane.height - 2 * PADDING) / Math.max(bounds.height, 1),
  );
  const zoom = Math.min(1, Math.max(fit, READABLE_ZOOM));
  const x = pane.width / 2 - (bounds.x + bounds.width / 2) * zoom;
  const fitsHeight = bounds.height * zoom <= pane.height - 2 * PADDING;
  const y = fitsHeight ? pane.height / 2 - (bounds.y + bounds.height / 2) * zoom : PADDING - bounds.y * zoom;
  return { x, y, zoom };
}
