import { decodeCaptures } from '../../core/capture/project-field.ts';
import type { CaptureSet } from '../../core/capture/types.ts';
import { captureDb } from './capture-db.ts';

/** A project's recordings for its exported file; none when there are none or storage cannot be read. */
export async function capturesForExport(projectId: string): Promise<CaptureSet | undefined> {
  const loaded = await captureDb.load(projectId).catch(() => null);
  return loaded && loaded.set.items.length > 0 ? loaded.set : undefined;
}

/**
 * Stores the recordings an imported project file carries under the project it became. The file was
 * already checked whole (its captures included) before the project was created.
 */
export async function storeImportedCaptures(text: string, projectId: string): Promise<number> {
  const raw = (JSON.parse(text) as { captures?: unknown }).captures;
  if (raw === undefined) return 0;
  const set = decodeCaptures(raw);
  await captureDb.replace(projectId, set);
  return set.items.length;
}
