import type { Page } from 'playwright-core';

export interface EditTimes {
  /** Input event → React has rendered and committed (compute included). */
  readonly commitMs: number[];
  /** Input event → the next frame is painted. */
  readonly paintMs: number[];
  /** The inspection's own compute time per edit (performance measure "minnow:inspect"). */
  readonly inspectMs: number[];
  readonly suggestMs: number[];
}

/**
 * The in-page timing loop, kept as source text: the test runner's transpiler would otherwise add helpers
 * (for function names) that do not exist in the page.
 */
const TIME_EDITS = `async ({ selector, values, count }) => {
  const input = document.querySelector(selector);
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  if (!input) throw new Error('no field ' + selector);
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const durations = (name, since) =>
    performance.getEntriesByName(name).filter((e) => e.startTime >= since).map((e) => e.duration);
  const times = { commitMs: [], paintMs: [], inspectMs: [], suggestMs: [] };
  input.focus();
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    setValue.call(input, values[i % values.length]);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
    times.commitMs.push(performance.now() - start);
    await painted();
    times.paintMs.push(performance.now() - start);
    // Let deferred work (the fix search) finish before the next edit, and record it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await painted();
    times.inspectMs.push(...durations('minnow:inspect', start));
    times.suggestMs.push(...durations('minnow:suggest', start));
  }
  return times;
}`;

/** Types alternating values into a text field `count` times and times each edit in the page. */
export function timeEdits(
  page: Page,
  selector: string,
  values: readonly string[],
  count: number,
): Promise<EditTimes> {
  return page.evaluate(
    `(${TIME_EDITS})(${JSON.stringify({ selector, values, count })})`,
  ) as Promise<EditTimes>;
}

export function stats(values: readonly number[]): { median: number; p95: number; max: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN, n: sorted.length };
}
