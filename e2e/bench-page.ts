import type { Page } from 'playwright-core';

export interface EditTimes {
  /** Input event → React has rendered and committed (compute included). */
  readonly commitMs: number[];
  /** Input event → the next frame is painted (with `atFrameStart`: the frame the edit was made in). */
  readonly paintMs: number[];
  /** The inspection's own compute time per edit (performance measure "minnow:inspect"). */
  readonly inspectMs: number[];
  readonly suggestMs: number[];
}

/**
 * The in-page timing loop, kept as source text: the test runner's transpiler would otherwise add helpers
 * (for function names) that do not exist in the page.
 */
const TIME_EDITS = `async ({ selector, values, count, atFrameStart }) => {
  let input = document.querySelector(selector);
  if (!input && selector === '#bench-noop') {
    input = document.createElement('input');
    input.id = 'bench-noop';
    document.body.appendChild(input);
  }
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  if (!input) throw new Error('no field ' + selector);
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const durations = (name, since) =>
    performance.getEntriesByName(name).filter((e) => e.startTime >= since).map((e) => e.duration);
  const times = { commitMs: [], paintMs: [], inspectMs: [], suggestMs: [] };
  input.focus();
  const frameStart = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const nextTask = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
  for (let i = 0; i < count; i++) {
    if (atFrameStart) await frameStart();
    const start = performance.now();
    // Queued before the edit, inside the frame's task: it runs right after this frame's paint, before any work
    // the edit defers to later tasks (which does not hold the frame back).
    const framePainted = atFrameStart ? nextTask() : null;
    setValue.call(input, values[i % values.length]);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
    times.commitMs.push(performance.now() - start);
    await (framePainted ?? painted());
    times.paintMs.push(performance.now() - start);
    // Let deferred work (the fix search) finish before the next edit, and record it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await painted();
    times.inspectMs.push(...durations('minnow:inspect', start));
    times.suggestMs.push(...durations('minnow:suggest', start));
  }
  return times;
}`;

/**
 * Types alternating values into a text field `count` times and times each edit in the page: at a frame's start
 * when `atFrameStart` (as an input Chromium handles before that frame's rendering), else right after the last
 * frame was painted. `#bench-noop` is a field created outside the app, which nothing listens to.
 */
export function timeEdits(
  page: Page,
  selector: string,
  values: readonly string[],
  count: number,
  atFrameStart = false,
): Promise<EditTimes> {
  return page.evaluate(
    `(${TIME_EDITS})(${JSON.stringify({ selector, values, count, atFrameStart })})`,
  ) as Promise<EditTimes>;
}

export function stats(values: readonly number[]): { median: number; p95: number; max: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN, n: sorted.length };
}
