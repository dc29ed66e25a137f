import { byTime } from '../../core/capture/edits.ts';
import { checkCapture, checkClasses } from '../../core/capture/records.ts';
import { EMPTY_SET, type Capture, type CaptureSet } from '../../core/capture/types.ts';
import { MinnowError } from '../../core/errors.ts';
import { requestResult, transactionDone } from './idb.ts';

/**
 * Recordings live in a database of their own beside the projects' (docs/DATA.md D-11): one record per
 * frame or clip, so that recording one more never rewrites the others, and saving a project never copies
 * megabytes of audio.
 */
export const CAPTURE_DB = 'minnow-captures';
const ITEMS = 'items';
const CLASSES = 'classes';
const BY_PROJECT = 'project';

type Stored = Capture & { readonly projectId: string; readonly key: string };

export interface LoadedCaptures {
  readonly set: CaptureSet;
  /** Records that failed their checks (E704): skipped, left in place, counted here. */
  readonly damaged: number;
}

export function openCaptureDatabase(
  factory: IDBFactory | undefined,
  name = CAPTURE_DB,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const fail = (detail: string) => reject(new MinnowError('CAPTURE_SAVE', { detail }));
    if (!factory) return fail('IndexedDB is not available');
    const req = factory.open(name, 1);
    req.onupgradeneeded = () => {
      const items = req.result.createObjectStore(ITEMS, { keyPath: 'key' });
      items.createIndex(BY_PROJECT, 'projectId');
      req.result.createObjectStore(CLASSES, { keyPath: 'projectId' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => fail(req.error?.message ?? 'IndexedDB refused to open');
    req.onblocked = () => fail('another tab holds an older version of the database open');
  });
}

export async function loadCaptures(db: IDBDatabase, projectId: string): Promise<LoadedCaptures> {
  const tx = db.transaction([ITEMS, CLASSES], 'readonly');
  const raw = await requestResult(tx.objectStore(ITEMS).index(BY_PROJECT).getAll(projectId));
  const rawClasses: unknown = await requestResult(tx.objectStore(CLASSES).get(projectId));
  const items: Capture[] = [];
  let damaged = 0;
  for (const record of raw as unknown[]) {
    try {
      items.push(checkCapture(record, 'capture'));
    } catch {
      damaged++;
    }
  }
  items.sort(byTime);
  let classes: CaptureSet['classes'];
  try {
    const stored = (rawClasses as { classes?: unknown } | undefined)?.classes ?? EMPTY_SET.classes;
    classes = checkClasses(structuredClone(stored), items, 'classes');
  } catch {
    damaged++;
    classes = checkClasses(structuredClone(EMPTY_SET.classes), items, 'classes');
  }
  return { set: { classes, items }, damaged };
}

function strip(c: Capture & Partial<Stored>): Capture {
  const { projectId: _p, key: _k, ...capture } = c;
  return capture as Capture;
}

/** Adds or removes recordings and sets the class lists of a project, in one transaction. */
export async function writeCaptures(
  db: IDBDatabase,
  projectId: string,
  change: { put?: readonly Capture[]; remove?: readonly string[]; classes?: CaptureSet['classes'] },
): Promise<void> {
  const tx = db.transaction([ITEMS, CLASSES], 'readwrite');
  const items = tx.objectStore(ITEMS);
  for (const c of change.put ?? []) items.put({ ...strip(c), projectId, key: `${projectId}/${c.id}` });
  for (const id of change.remove ?? []) items.delete(`${projectId}/${id}`);
  if (change.classes) tx.objectStore(CLASSES).put({ projectId, classes: change.classes });
  await transactionDone(tx);
}

/** Replaces a project's recordings (an imported project file brings its own). */
export async function replaceCaptures(db: IDBDatabase, projectId: string, set: CaptureSet): Promise<void> {
  const old = await loadCaptures(db, projectId);
  await writeCaptures(db, projectId, {
    remove: old.set.items.map((c) => c.id),
    put: set.items,
    classes: set.classes,
  });
}
