import { createActions } from './actions/index.ts';
import { createEditorStore } from './store.ts';

/** An editor with a manual clock and sequential ids, for tests. */
export function testEditor() {
  const clock = { t: Date.UTC(2025, 0, 1) };
  let n = 0;
  const store = createEditorStore();
  const actions = createActions(store, { now: () => clock.t, newId: () => `id-${++n}` });
  const tick = (ms = 5000): void => {
    clock.t += ms;
  };
  return { store, actions, clock, tick };
}
