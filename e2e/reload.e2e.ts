import { describe, expect, it } from 'vitest';
import { savedProjectFile, screenshot } from './app.ts';
import { useAppPage } from './session.ts';

const app = useAppPage();
const stage = (name: RegExp) => app.page.getByRole('tab', { name }).click();
const value = async (testId: string) =>
  Number(await app.page.getByTestId(testId).first().getAttribute('data-value'));

/** The open project's training record as saved in IndexedDB: what a reload will restore. */
async function savedTraining(): Promise<{ int8: number | null; samples: number } | null> {
  type Saved = { report: { int8: number } | null; calibration: { count: number } | null };
  const t = (await savedProjectFile<{ training?: Saved }>(app.page))?.training;
  return t ? { int8: t.report?.int8 ?? null, samples: t.calibration?.count ?? 0 } : null;
}

describe('the last training run survives a reload (PT-6)', () => {
  let int8 = 0;

  it('trains the MNIST MLP for one epoch and quantizes it', async () => {
    await app.page.getByRole('button', { name: 'Start from a template' }).click();
    await app.page.getByRole('button', { name: 'Open mnist-mlp as a new project' }).click();
    await stage(/Train/);
    await expect
      .poll(() => app.page.getByTestId('train-backend').getAttribute('data-backend'), { timeout: 60_000 })
      .toMatch(/webgl|wasm|cpu/);
    await app.page.getByTestId('load-mnist').click();
    await expect
      .poll(() => app.page.getByTestId('data-count').textContent(), { timeout: 30_000 })
      .toBe('10,000');
    await app.page.locator('#train-epochs').fill('1');
    await app.page.getByTestId('train-start').click();
    await expect
      .poll(() => app.page.getByTestId('train-continue').isVisible(), { timeout: 120_000, interval: 500 })
      .toBe(true);
    await app.page.getByTestId('quantize').click();
    await expect
      .poll(() => app.page.getByTestId('quant-report').isVisible(), { timeout: 60_000, interval: 500 })
      .toBe(true);
    int8 = await value('int8-score');
    expect(int8).toBeGreaterThan(0.8);
    await expect.poll(() => savedTraining(), { timeout: 20_000 }).toEqual({ int8, samples: 32 });
  }, 240_000);

  it('shows the accuracy, curves and int8 report after a reload, and the board calibrates on the saved samples', async () => {
    await app.page.reload();
    await stage(/Train/);
    const notes = app.page.getByTestId('last-run');
    await expect.poll(() => notes.count(), { timeout: 30_000 }).toBe(2);
    expect(await notes.first().textContent()).toMatch(/from the last run on .*on MNIST/);
    expect(await value('val-metric')).toBeGreaterThan(0.8);
    expect(await value('int8-score')).toBe(int8);
    expect(await app.page.getByTestId('confusion-matrix').locator('tbody tr').count()).toBe(10);
    expect(await app.page.locator('.charts svg').count()).toBeGreaterThan(0);
    await screenshot(app.page, 'train-after-reload');
    await stage(/Board/);
    await expect
      .poll(() => app.page.getByTestId('blob-source').textContent(), { timeout: 30_000 })
      .toContain('trained weights');
    const source = await app.page.getByTestId('blob-source').textContent();
    expect(source).toContain('calibrated on 32 training samples saved with the project');
    expect(source).not.toContain('synthetic');
  }, 120_000);

  it('greys the record once the model changes, and stops calibrating on it', async () => {
    await stage(/Design/);
    await app.page.getByTestId('node-fc1').click();
    await app.page.locator('#param-fc1-units').fill('64');
    await stage(/Train/);
    await expect
      .poll(() => app.page.getByTestId('last-run-stale').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await stage(/Board/);
    await expect
      .poll(() => app.page.getByTestId('blob-source').textContent(), { timeout: 30_000 })
      .toContain('synthetic inputs');
    expect(app.errors).toEqual([]);
  }, 120_000);
});
