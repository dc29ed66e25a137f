import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const ARTIFACTS = join(import.meta.dirname, 'artifacts');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Drags a palette layer onto the canvas, below every node: it is appended to the model. */
export async function dragLayer(page: Page, type: string): Promise<void> {
  const canvas = page.getByTestId('canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the canvas is not visible');
  await page.dragAndDrop(`[data-layer-type="${type}"]`, '[data-testid="canvas"]', {
    targetPosition: { x: box.width / 2, y: box.height - 12 },
  });
}

export const text = async (page: Page, testId: string): Promise<string> =>
  (await page.getByTestId(testId).textContent()) ?? '';

export const verdict = (page: Page) => page.getByTestId('verdict').getAttribute('data-verdict');

/**
 * The open project's file as saved in IndexedDB (what a reload will restore), its weights put back from their
 * own record; undefined before the first save.
 */
export function savedProjectFile<T = unknown>(page: Page): Promise<T | undefined> {
  return page.evaluate(
    () =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('minnow');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['projects', 'meta', 'weights'], 'readonly');
          const meta = tx.objectStore('meta').get('workspace');
          meta.onsuccess = () => {
            const id = (meta.result as { currentId: string }).currentId;
            const get = tx.objectStore('projects').get(id);
            const weights = tx.objectStore('weights').get(id);
            tx.oncomplete = () => {
              const saved = get.result as { file: object; weightsApart?: boolean } | undefined;
              const apart = saved?.weightsApart
                ? (weights.result as { weights: unknown }).weights
                : undefined;
              resolve(saved && ((apart ? { ...saved.file, weights: apart } : saved.file) as T));
              open.result.close();
            };
          };
        };
      }),
  );
}

/** Layer ids of the open project as saved in IndexedDB (what a reload will restore). */
export async function savedLayers(page: Page): Promise<string[]> {
  const file = await savedProjectFile<{ model: { layers: { id: string }[] } }>(page);
  return file?.model.layers.map((l) => l.id) ?? [];
}

/** Waits until the canvas has stopped moving (its view animates after layers are added). */
export async function canvasSettled(page: Page): Promise<void> {
  const transform = () =>
    page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  let last = '';
  for (let i = 0; i < 50; i++) {
    const now = await transform();
    if (now === last) return;
    last = now;
    await page.waitForTimeout(120);
  }
}
