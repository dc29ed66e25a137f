import { classNameProblem } from './records.ts';
import type { Capture, CaptureKind, CaptureSet } from './types.ts';

/**
 * Changes to a project's recordings and their undo (docs/DATA.md D-8): each edit gives the new set, the
 * change to write to storage, and the step that takes it back. One hold of Record is one step.
 */

export interface Change {
  readonly put?: readonly Capture[];
  readonly remove?: readonly string[];
  readonly classes?: CaptureSet['classes'];
}

export type Step =
  | { readonly kind: 'add'; readonly ids: readonly string[]; readonly batch: string }
  | { readonly kind: 'remove'; readonly items: readonly Capture[] }
  | { readonly kind: 'classes'; readonly classes: CaptureSet['classes'] };

export interface Edit {
  readonly set: CaptureSet;
  readonly change: Change;
}

/** Recording order: by time, then id (two frames may share a millisecond). */
export function byTime(a: Capture, b: Capture): number {
  return a.at.localeCompare(b.at) || a.id.localeCompare(b.id);
}

export function addItems(set: CaptureSet, items: readonly Capture[]): Edit {
  return { set: { ...set, items: [...set.items, ...items] }, change: { put: items } };
}

/** Null when none of `ids` is there. */
export function removeItems(set: CaptureSet, ids: readonly string[]): (Edit & { step: Step }) | null {
  const gone = set.items.filter((c) => ids.includes(c.id));
  if (gone.length === 0) return null;
  return {
    set: { ...set, items: set.items.filter((c) => !ids.includes(c.id)) },
    change: { remove: gone.map((c) => c.id) },
    step: { kind: 'remove', items: gone },
  };
}

/** A new class at the end of its kind's list, or why the name is refused. */
export function addClass(set: CaptureSet, kind: CaptureKind, name: string): (Edit & { step: Step }) | string {
  const problem = classNameProblem(name) ?? (set.classes[kind].includes(name) ? 'that class exists' : null);
  if (problem) return problem;
  const classes = { ...set.classes, [kind]: [...set.classes[kind], name] };
  return { set: { ...set, classes }, change: { classes }, step: { kind: 'classes', classes: set.classes } };
}

/** The undo stack after recordings of `batch` were added: a batch already on top grows. */
export function pushAdd(stack: readonly Step[], ids: readonly string[], batch: string): Step[] {
  const top = stack.at(-1);
  if (top?.kind === 'add' && top.batch === batch)
    return [...stack.slice(0, -1), { ...top, ids: [...top.ids, ...ids] }];
  return [...stack, { kind: 'add', ids, batch }];
}

export function undoStep(set: CaptureSet, step: Step): Edit {
  switch (step.kind) {
    case 'add':
      return {
        set: { ...set, items: set.items.filter((c) => !step.ids.includes(c.id)) },
        change: { remove: step.ids },
      };
    case 'remove':
      return {
        set: { ...set, items: [...set.items, ...step.items].sort(byTime) },
        change: { put: step.items },
      };
    case 'classes':
      return { set: { ...set, classes: step.classes }, change: { classes: step.classes } };
  }
}
