import { MinnowError } from '../../core/errors.ts';

export const DB_NAME = 'minnow';
export const PROJECTS = 'projects';
export const META = 'meta';

function fail(detail: unknown): MinnowError {
  const text = detail instanceof Error || detail instanceof DOMException ? detail.message : String(detail);
  return new MinnowError('STORAGE_UNAVAILABLE', { detail: text || 'IndexedDB refused the request' });
}

/** Opens (creating on first use) the database that holds every project and the workspace record. */
export function openDatabase(factory: IDBFactory | undefined, name = DB_NAME): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (!factory) return reject(fail('IndexedDB is not available'));
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name, 1);
    } catch (e) {
      return reject(fail(e));
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(PROJECTS)) db.createObjectStore(PROJECTS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(fail(req.error));
    req.onblocked = () => reject(fail('another tab holds an older version of the database open'));
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
