import { useCallback, useEffect, useRef, useState } from 'react';
import { checkRoom, quotaView, type QuotaView } from '../../core/capture/quota.ts';
import {
  addClass,
  addItems,
  pushAdd,
  removeItems,
  undoStep,
  type Change,
  type Step,
} from '../../core/capture/edits.ts';
import { EMPTY_SET, type Capture, type CaptureKind, type CaptureSet } from '../../core/capture/types.ts';
import { MinnowError } from '../../core/errors.ts';
import { captureDb } from './capture-db.ts';
import { errorText } from './media-errors.ts';

export interface Captures {
  readonly set: CaptureSet;
  readonly loaded: boolean;
  /** A coded message: storage refused, or damaged records skipped. */
  readonly error: string | null;
  readonly quota: QuotaView | null;
  readonly canUndo: boolean;
  /** Keeps recordings; those of one `batch` (one hold of Record) undo together. False when storage is full. */
  add(items: readonly Capture[], batch: string): boolean;
  remove(ids: readonly string[]): void;
  /** Adds a class; returns why the name is refused, or null. */
  addClass(kind: CaptureKind, name: string): string | null;
  undo(): void;
}

async function estimate(itemBytes: number): Promise<QuotaView | null> {
  const e = await navigator.storage?.estimate?.().catch(() => null);
  return e ? quotaView(e, itemBytes) : null;
}

/**
 * A project's recordings, kept in IndexedDB as they change (docs/DATA.md D-11). A write that fails keeps
 * the recordings on the page and says so; nothing already recorded is dropped.
 */
/** The caller keys its component by `projectId`, so another project starts with fresh state. */
export function useCaptures(projectId: string, itemBytes: number): Captures {
  const [set, setSet] = useState<CaptureSet>(EMPTY_SET);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [quota, setQuota] = useState<QuotaView | null>(null);
  const [undoCount, setUndoCount] = useState(0);
  const undos = useRef<Step[]>([]);
  // The latest set and quota for callbacks, written only where the state is set.
  const current = useRef(set);
  const quotaNow = useRef(quota);

  const [generation, setGeneration] = useState(0);
  useEffect(() => captureDb.onReplaced((id) => id === projectId && setGeneration((g) => g + 1)), [projectId]);

  useEffect(() => {
    let live = true;
    captureDb.load(projectId).then(
      ({ set: stored, damaged }) => {
        if (!live) return;
        current.current = stored;
        setSet(stored);
        setLoaded(true);
        const e = new MinnowError('CAPTURE_RECORD', {
          path: 'storage',
          detail: `${damaged} damaged record(s)`,
        });
        setError(damaged > 0 ? errorText(e) : null);
      },
      (e: unknown) => live && (setLoaded(true), setError(errorText(e))),
    );
    return () => {
      live = false;
    };
  }, [projectId, generation]);

  const refreshQuota = useCallback(
    () =>
      void estimate(itemBytes).then((view) => {
        quotaNow.current = view;
        setQuota(view);
      }),
    [itemBytes],
  );
  useEffect(refreshQuota, [refreshQuota]);

  const apply = useCallback(
    (next: CaptureSet, change: Change) => {
      current.current = next;
      setSet(next);
      captureDb.write(projectId, change).then(refreshQuota, (e: unknown) => {
        setError(errorText(new MinnowError('CAPTURE_SAVE', { detail: errorText(e) })));
      });
    },
    [projectId, refreshQuota],
  );
  const setStack = (next: Step[]) => {
    undos.current = next;
    setUndoCount(next.length);
  };

  const add = useCallback(
    (items: readonly Capture[], batch: string): boolean => {
      try {
        if (quotaNow.current) checkRoom(quotaNow.current);
      } catch (e) {
        setError(errorText(e));
        return false;
      }
      const edit = addItems(current.current, items);
      apply(edit.set, edit.change);
      setStack(
        pushAdd(
          undos.current,
          items.map((c) => c.id),
          batch,
        ),
      );
      return true;
    },
    [apply],
  );

  const remove = useCallback(
    (ids: readonly string[]) => {
      const edit = removeItems(current.current, ids);
      if (!edit) return;
      apply(edit.set, edit.change);
      setStack([...undos.current, edit.step]);
    },
    [apply],
  );

  const newClass = useCallback(
    (kind: CaptureKind, name: string): string | null => {
      const edit = addClass(current.current, kind, name);
      if (typeof edit === 'string') return edit;
      apply(edit.set, edit.change);
      setStack([...undos.current, edit.step]);
      return null;
    },
    [apply],
  );

  const undo = useCallback(() => {
    const step = undos.current.at(-1);
    if (!step) return;
    setStack(undos.current.slice(0, -1));
    const edit = undoStep(current.current, step);
    apply(edit.set, edit.change);
  }, [apply]);

  return { set, loaded, error, quota, canUndo: undoCount > 0, add, remove, addClass: newClass, undo };
}
