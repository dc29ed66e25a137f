export * from './types.ts';
export { CHIPS, chipIds, getChip } from './catalog.ts';
export { measuredChip } from './measured.ts';
export { describeFigure, isEstimate } from './figure.ts';
export { cycleCosts } from './cycles.ts';
