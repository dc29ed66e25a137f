import { isMinnowError } from '../../core/errors.ts';
import { parseProject, toProjectFile } from '../project-file.ts';
import type { EditorData, Project, Theme } from '../types.ts';
import { META, PROJECTS, requestResult, transactionDone, WEIGHTS } from './idb.ts';

/**
 * What IndexedDB holds: one record per project (its project file), one workspace record, and each trained
 * project's weights in a record of their own (the file's `weights` field), written only when they change.
 */
interface ProjectRecord {
  readonly id: string;
  /** The project file; without `weights` when `weightsApart`. */
  readonly file: unknown;
  readonly weightsApart?: boolean;
}
interface WeightsRecord {
  readonly id: string;
  readonly weights: unknown;
}
interface WorkspaceRecord {
  readonly order: readonly string[];
  readonly currentId: string;
  readonly theme: Theme;
}
const WORKSPACE_KEY = 'workspace';

/** A stored project that could not be read back: kept in storage untouched, and offered as its raw file. */
export interface DamagedProject {
  readonly id: string;
  readonly name: string;
  /** Why it could not be read, in the words of its error. */
  readonly reason: string;
  /** The stored project file as JSON text, for the user to download and repair or report. */
  readonly text: string;
}

export interface LoadedWorkspace {
  readonly projects: readonly Project[];
  readonly currentId?: string;
  readonly theme?: Theme;
  /** Records that could not be read back (written by another version, or damaged); the others load. */
  readonly damaged: readonly DamagedProject[];
}

function rawText(file: unknown): string {
  try {
    return JSON.stringify(file, null, 2) ?? String(file);
  } catch {
    return String(file);
  }
}

function damage(record: ProjectRecord, e: unknown): DamagedProject {
  const file = record.file as { name?: unknown } | null | undefined;
  const id = typeof record.id === 'string' ? record.id : '?';
  const name = typeof file?.name === 'string' && file.name.trim() !== '' ? file.name : id;
  const reason = isMinnowError(e) ? `E${e.code} ${e.message}` : e instanceof Error ? e.message : String(e);
  return { id, name, reason, text: rawText(record.file) };
}

/**
 * One record, with its weights when they are kept apart: a project, or, whatever went wrong reading it (any
 * error), a damaged entry. Records written before weights were kept apart hold them in their file. Both
 * records are written in one transaction; were the weights record gone, the project loads untrained.
 */
function readProject(
  record: ProjectRecord,
  weights: ReadonlyMap<unknown, unknown>,
): Project | DamagedProject {
  try {
    if (typeof record.id !== 'string') throw new Error('the record has no project id');
    const apart = record.weightsApart === true ? weights.get(record.id) : undefined;
    const file = apart !== undefined ? { ...(record.file as object), weights: apart } : record.file;
    return { ...parseProject(file), id: record.id };
  } catch (e) {
    return damage(record, e);
  }
}

const isDamaged = (p: Project | DamagedProject): p is DamagedProject => 'reason' in p && 'text' in p;

function isWorkspace(raw: unknown): raw is WorkspaceRecord {
  const w = raw as Partial<WorkspaceRecord> | undefined;
  return (
    Array.isArray(w?.order) && typeof w?.currentId === 'string' && (w.theme === 'light' || w.theme === 'dark')
  );
}

/**
 * Records written before weights were kept apart hold them in their file: moved, once, to a record of their
 * own, as saveChanges expects from then on (it writes a project's weights only when they change). Damaged
 * records stay untouched.
 */
async function moveInlineWeights(
  db: IDBDatabase,
  records: readonly ProjectRecord[],
  readable: ReadonlySet<string>,
): Promise<void> {
  const inline = records.filter(
    (r) =>
      readable.has(r.id) &&
      r.weightsApart !== true &&
      (r.file as { weights?: unknown }).weights !== undefined,
  );
  if (inline.length === 0) return;
  const tx = db.transaction([PROJECTS, WEIGHTS], 'readwrite');
  for (const r of inline) {
    const { weights, ...file } = r.file as { weights: unknown };
    tx.objectStore(WEIGHTS).put({ id: r.id, weights } satisfies WeightsRecord);
    tx.objectStore(PROJECTS).put({ id: r.id, file, weightsApart: true } satisfies ProjectRecord);
  }
  await transactionDone(tx);
}

/** Reads every stored project, each checked by the project file schema, in the saved list order. */
export async function loadWorkspace(db: IDBDatabase): Promise<LoadedWorkspace> {
  const tx = db.transaction([PROJECTS, META, WEIGHTS], 'readonly');
  const records = (await requestResult(tx.objectStore(PROJECTS).getAll())) as ProjectRecord[];
  const meta: unknown = await requestResult(tx.objectStore(META).get(WORKSPACE_KEY));
  const stored = (await requestResult(tx.objectStore(WEIGHTS).getAll())) as WeightsRecord[];
  const weights = new Map<unknown, unknown>(stored.map((w) => [w?.id, w?.weights]));
  const all = records.map((r) => readProject(r, weights));
  const read = all.filter((p): p is Project => !isDamaged(p));
  await moveInlineWeights(db, records, new Set(read.map((p) => p.id)));
  const workspace = isWorkspace(meta) ? meta : undefined;
  const rank = (p: Project): number => {
    const i = workspace?.order.indexOf(p.id) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const projects = [...read].sort((a, b) => rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt));
  return {
    projects,
    damaged: all.filter(isDamaged),
    ...(workspace ? { currentId: workspace.currentId, theme: workspace.theme } : {}),
  };
}

/**
 * Writes what changed between two states (by identity); `before` null writes everything. A project's weights
 * are rewritten only when they (or the exact quantization that leaves some layers out of them) change.
 */
export async function saveChanges(
  db: IDBDatabase,
  before: EditorData | null,
  after: EditorData,
): Promise<void> {
  const tx = db.transaction([PROJECTS, META, WEIGHTS], 'readwrite');
  const store = tx.objectStore(PROJECTS);
  const weightsStore = tx.objectStore(WEIGHTS);
  for (const id of after.order) {
    const meta = after.projects[id];
    const model = after.models[id];
    const weights = after.weights[id];
    const training = after.training[id];
    if (!meta || !model) continue;
    const sameWeights =
      before !== null &&
      before.weights[id] === weights &&
      before.projects[id]?.quantization === meta.quantization;
    const same =
      sameWeights &&
      before.projects[id] === meta &&
      before.models[id] === model &&
      before.training[id] === training;
    if (same) continue;
    const { weights: encoded, ...file } = toProjectFile({
      ...meta,
      model,
      ...(weights ? { weights } : {}),
      ...(training ? { training } : {}),
    });
    store.put({ id, file, weightsApart: encoded !== undefined } satisfies ProjectRecord);
    if (sameWeights) continue;
    if (encoded === undefined) weightsStore.delete(id);
    else weightsStore.put({ id, weights: encoded } satisfies WeightsRecord);
  }
  for (const id of before?.order ?? []) {
    if (after.projects[id]) continue;
    store.delete(id);
    weightsStore.delete(id);
  }
  const changed =
    !before ||
    before.order !== after.order ||
    before.currentId !== after.currentId ||
    before.theme !== after.theme;
  if (changed) {
    const workspace: WorkspaceRecord = { order: after.order, currentId: after.currentId, theme: after.theme };
    tx.objectStore(META).put(workspace, WORKSPACE_KEY);
  }
  await transactionDone(tx);
}
