import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Capture } from '../../core/capture/types.ts';
import { loadCaptures, openCaptureDatabase, replaceCaptures, writeCaptures } from './captures.ts';

const at = '2026-01-01T00:00:00Z';
const frame: Capture = {
  id: 'f1',
  kind: 'image',
  label: 'up',
  at,
  width: 1,
  height: 1,
  rgb: Uint8Array.of(1, 2, 3),
};
const clip: Capture = {
  id: 'c1',
  kind: 'sound',
  label: 'yes',
  at: '2026-01-01T00:00:01Z',
  rate: 16000,
  samples: Int16Array.of(5, -5),
};
const classes = { image: ['up', 'down'], sound: ['background noise', 'yes'] };

describe('[D-11] recordings are kept in IndexedDB per project', () => {
  it('stores, reloads and deletes recordings, apart for each project', async () => {
    const factory = new IDBFactory();
    let db = await openCaptureDatabase(factory);
    await writeCaptures(db, 'p1', { put: [frame, clip], classes });
    await writeCaptures(db, 'p2', { put: [{ ...frame, id: 'other' }] });
    db.close();
    db = await openCaptureDatabase(factory);
    const loaded = await loadCaptures(db, 'p1');
    expect(loaded).toEqual({ set: { classes, items: [frame, clip] }, damaged: 0 });
    await writeCaptures(db, 'p1', { remove: ['f1'] });
    expect((await loadCaptures(db, 'p1')).set.items).toEqual([clip]);
    expect((await loadCaptures(db, 'p2')).set.items.map((c) => c.id)).toEqual(['other']);
    await replaceCaptures(db, 'p2', { classes, items: [clip] });
    expect((await loadCaptures(db, 'p2')).set.items).toEqual([clip]);
    db.close();
  });

  it('skips and counts damaged records, keeping the good ones and the default classes', async () => {
    const factory = new IDBFactory();
    const db = await openCaptureDatabase(factory);
    await writeCaptures(db, 'p', { put: [frame] });
    const tx = db.transaction(['items', 'classes'], 'readwrite');
    tx.objectStore('items').put({ key: 'p/bad', projectId: 'p', id: 'bad', kind: 'image', width: 9 });
    tx.objectStore('items').put({ key: 'p/worse', projectId: 'p', nonsense: true });
    tx.objectStore('classes').put({ projectId: 'p', classes: 'garbage' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    const loaded = await loadCaptures(db, 'p');
    expect(loaded.damaged).toBe(3);
    expect(loaded.set.items).toEqual([frame]);
    expect(loaded.set.classes.image).toEqual(['class 1', 'class 2', 'up']);
    db.close();
  });
});
