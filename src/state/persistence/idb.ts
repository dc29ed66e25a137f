import { MinnowError } from '../../core/errors.ts';

export const DB_NAME = 'minnow';
export const PROJECTS = 'projects';
export const META = 'meta';
/** Each project's weights, apart from its record, so that an edit does not rewrite megabytes (version 2). */
export const WEIGHTS = 'weights';

function fail(detail: unknown): MinnowError {
  const text = detail instanceof Error || detail instanceof DOMException ? detail.message : String(detail);
  return new MinnowError('STORAGE_UNAVAILABLE', { detail: text || 'IndexedDB refused the request' });
}

/**
 * Opens (creating on first use, or adding what a newer version needs) the database that holds every project,
 * their weights and the workspace record.
 */
export function openDatabase(factory: IDBFactory | undefined, name = DB_NAME): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (!factory) return reject(fail('IndexedDB is not available'));
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name, 2);
    } catch (e) {
      return reject(fail(e));
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(PROJECTS)) db.createObjectStore(PROJECTS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
      if (!db.objectStoreNames.contains(WEIGHTS)) db.createObjectStore(WEIGHTS, { keyPath: 'id' });
    };
    req.onsuccess = () => {
      // A newer version opened in another tab upgrades the database: this tab lets go rather than block it.
      req.result.onversionchange = () => req.result.close();
      resolve(req.result);
    };
    req.onerror = () => reject(fail(req.error));
    req.onblocked = () =>
      reject(
        fail(
          'a Minnow tab opened before this update still holds them. Your projects are safe: close that tab, then reload this page',
        ),
      );
  });
}

export function requestResult<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(fail(req.error));
  });
}

export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(fail(tx.error));
    tx.onabort = () => reject(fail(tx.error ?? 'the transaction was aborted'));
  });
}
