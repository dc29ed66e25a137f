import { useCallback, useEffect, useRef, useState } from 'react';
import { checkRoom, quotaView, type QuotaView } from '../../core/capture/quota.ts';
import { classNameProblem } from '../../core/capture/records.ts';
import { EMPTY_SET, type Capture, type CaptureKind, type CaptureSet } from '../../core/capture/types.ts';
import { MinnowError } from '../../core/errors.ts';
import { captureDb } from './capture-db.ts';
import { errorText } from './media-errors.ts';

type Undo =
  | { readonly kind: 'add'; readonly ids: string[]; readonly batch: string }
  | { readonly kind: 'remove'; readonly items: readonly Capture[] }
  | { readonly kind: 'classes'; readonly classes: CaptureSet['classes'] };

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
  const undos = useRef<Undo[]>([]);
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
    (next: CaptureSet, change: Parameters<typeof captureDb.write>[1]) => {
      current.current = next;
      setSet(next);
      captureDb.write(projectId, change).then(refreshQuota, (e: unknown) => {
        setError(errorText(new MinnowError('CAPTURE_SAVE', { detail: errorText(e) })));
      });
    },
    [projectId, refreshQuota],
  );
  const push = (u: Undo) => {
    undos.current.push(u);
    setUndoCount(undos.current.length);
  };

  const add = useCallback(
    (items: readonly Capture[], batch: string): boolean => {
      try {
        if (quotaNow.current) checkRoom(quotaNow.current);
      } catch (e) {
        setError(errorText(e));
        return false;
      }
      const s = current.current;
      apply({ ...s, items: [...s.items, ...items] }, { put: items });
      const last = undos.current.at(-1);
      if (last?.kind === 'add' && last.batch === batch) last.ids.push(...items.map((c) => c.id));
      else push({ kind: 'add', ids: items.map((c) => c.id), batch });
      return true;
    },
    [apply],
  );

  const remove = useCallback(
    (ids: readonly string[]) => {
      const s = current.current;
      const gone = s.items.filter((c) => ids.includes(c.id));
      if (gone.length === 0) return;
      apply({ ...s, items: s.items.filter((c) => !ids.includes(c.id)) }, { remove: ids });
      push({ kind: 'remove', items: gone });
    },
    [apply],
  );

  const addClass = useCallback(
    (kind: CaptureKind, name: string): string | null => {
      const s = current.current;
      const problem = classNameProblem(name) ?? (s.classes[kind].includes(name) ? 'that class exists' : null);
      if (problem) return problem;
      const classes = { ...s.classes, [kind]: [...s.classes[kind], name] };
      apply({ ...s, classes }, { classes });
      push({ kind: 'classes', classes: s.classes });
      return null;
    },
    [apply],
  );

  const undo = useCallback(() => {
    const u = undos.current.pop();
    setUndoCount(undos.current.length);
    const s = current.current;
    if (!u) return;
    if (u.kind === 'add')
      apply({ ...s, items: s.items.filter((c) => !u.ids.includes(c.id)) }, { remove: u.ids });
    else if (u.kind === 'remove') {
      const items = [...s.items, ...u.items].sort(
        (a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id),
      );
      apply({ ...s, items }, { put: u.items });
    } else apply({ ...s, classes: u.classes }, { classes: u.classes });
  }, [apply]);

  return { set, loaded, error, quota, canUndo: undoCount > 0, add, remove, addClass, undo };
}
