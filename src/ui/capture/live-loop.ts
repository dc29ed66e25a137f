/**
 * Runs `step` again and again, at most every `gap` ms and never twice at once: the model answers in the
 * worker while the page stays free for the person using it (docs/DATA.md D-12). Returns a stop function.
 */
export function liveLoop(step: () => Promise<void> | null, gap: number): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (stopped) return;
    const started = performance.now();
    const pending = step() ?? Promise.resolve();
    void pending
      .catch(() => undefined)
      .then(() => {
        if (!stopped) timer = setTimeout(run, Math.max(0, gap - (performance.now() - started)));
      });
  };
  timer = setTimeout(run, 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
