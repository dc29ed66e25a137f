import { isMinnowError } from '../../core/errors.ts';
import { parseProject, toProjectFile } from '../project-file.ts';
import type { EditorData, Project, Theme } from '../types.ts';
import { META, PROJECTS, requestResult, transactionDone } from './idb.ts';

/** What IndexedDB holds: one record per project (its project file) and one workspace record. */
interface ProjectRecord {
  readonly id: string;
  readonly file: unknown;
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

/** One record: a project, or, whatever went wrong reading it (any error), a damaged entry. */
function readProject(record: ProjectRecord): Project | DamagedProject {
  try {
    if (typeof record.id !== 'string') throw new Error('the record has no project id');
    return { ...parseProject(record.file), id: record.id };
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

/** Reads every stored project, each checked by the project file schema, in the saved list order. */
export async function loadWorkspace(db: IDBDatabase): Promise<LoadedWorkspace> {
  const tx = db.transaction([PROJECTS, META], 'readonly');
  const records = (await requestResult(tx.objectStore(PROJECTS).getAll())) as ProjectRecord[];
  const meta: unknown = await requestResult(tx.objectStore(META).get(WORKSPACE_KEY));
  const all = records.map(readProject);
  const read = all.filter((p): p is Project => !isDamaged(p));
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

/** Writes what changed between two states (by identity); `before` null writes everything. */
export async function saveChanges(
  db: IDBDatabase,
  before: EditorData | null,
  after: EditorData,
): Promise<void> {
  const tx = db.transaction([PROJECTS, META], 'readwrite');
  const store = tx.objectStore(PROJECTS);
  for (const id of after.order) {
    const meta = after.projects[id];
    const model = after.models[id];
    const weights = after.weights[id];
    const training = after.training[id];
    if (!meta || !model) continue;
    const same =
      before?.projects[id] === meta &&
      before.models[id] === model &&
      before.weights[id] === weights &&
      before.training[id] === training;
    if (same) continue;
    store.put({
      id,
      file: toProjectFile({
        ...meta,
        model,
        ...(weights ? { weights } : {}),
        ...(training ? { training } : {}),
      }),
    } satisfies ProjectRecord);
  }
  for (const id of before?.order ?? []) if (!after.projects[id]) store.delete(id);
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
