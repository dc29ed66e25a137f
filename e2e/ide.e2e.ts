import { describe, expect, it } from 'vitest';
import { dragLayer, savedLayers, screenshot, text, verdict } from './app.ts';
import { useAppPage } from './session.ts';

const app = useAppPage();

describe('the IDE in Chromium', () => {
  const { errors } = app;
  it('builds the 784-100-10 MLP from an empty project by dragging Flatten, Dense, Dense', async () => {
    await expect.poll(() => app.page.getByText('Start your network').isVisible()).toBe(true);
    for (const type of ['Flatten', 'Dense', 'Dense']) await dragLayer(app.page, type);
    await expect.poll(() => app.page.locator('.layer-node').count()).toBe(3);
    // Two Dense layers of 10 units (the new-layer default): 784·10 + 10 + 10·10 + 10.
    await expect.poll(() => text(app.page, 'total-parameters')).toBe('7,960');
    const ramBefore = await text(app.page, 'bar-ram-text');
    const modelBefore = await text(app.page, 'bar-model-text');

    await app.page.getByTestId('node-dense').click();
    await app.page.locator('#param-dense-units').fill('100');
    // 784·100 + 100 + 100·10 + 10, by hand.
    await expect.poll(() => text(app.page, 'total-parameters')).toBe('79,510');
    expect(await text(app.page, 'bar-ram-text')).not.toBe(ramBefore);
    expect(await text(app.page, 'bar-model-text')).not.toBe(modelBefore);
    expect(await verdict(app.page)).toBe('fits');
    await screenshot(app.page, 'main-screen');
  });

  it('shows that 784-1000-1000-10 does not fit an ESP32-H2 and applies the suggestion', async () => {
    await app.page.locator('#param-dense-units').fill('1000');
    await app.page.getByTestId('node-dense').click();
    await app.page.getByRole('button', { name: 'Dense', exact: true }).press('Enter');
    await app.page.locator('#param-dense_2-units').fill('1000');
    await expect.poll(() => text(app.page, 'total-parameters')).toBe('1,796,010');
    await app.page.getByTestId('chip-picker').selectOption('esp32h2');
    await expect.poll(() => verdict(app.page)).toBe('too-big-flash');
    await expect.poll(() => app.page.getByText('Too big for flash').first().isVisible()).toBe(true);
    const apply = app.page
      .getByRole('region', { name: 'How to make it fit' })
      .getByRole('button', { name: 'Apply' });
    await apply.first().click();
    await expect.poll(() => verdict(app.page)).toBe('fits');
  });

  it('undoes and redoes with the keyboard', async () => {
    await app.page.locator('body').click({ position: { x: 5, y: 700 } });
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => verdict(app.page)).toBe('too-big-flash');
    await app.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => verdict(app.page)).toBe('fits');
  });

  it('restores the project after a reload', async () => {
    const params = await text(app.page, 'total-parameters');
    await expect.poll(() => savedLayers(app.page)).toEqual(['flatten', 'dense', 'dense_2', 'dense_1']);
    await app.page.reload();
    await expect.poll(() => text(app.page, 'total-parameters')).toBe(params);
    expect(await app.page.getByTestId('chip-picker').inputValue()).toBe('esp32h2');
    expect(await verdict(app.page)).toBe('fits');
  });

  it('refuses a corrupted project file with a message and changes nothing', async () => {
    const params = await text(app.page, 'total-parameters');
    const buffer = Buffer.from('{"format":"minnow-project","version":1,"name":"x","chip":"esp32","mod');
    await app.page
      .getByTestId('import-file')
      .setInputFiles({ name: 'broken.minnow.json', mimeType: 'application/json', buffer });
    const notice = app.page.getByTestId('notice');
    await expect.poll(() => notice.textContent()).toContain('Cannot import broken.minnow.json: E600');
    expect(await text(app.page, 'total-parameters')).toBe(params);
    expect(await app.page.locator('.project-name').textContent()).toBe('Untitled');
  });

  it('opens offline once the service worker has cached the app', async () => {
    await app.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await app.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const params = await text(app.page, 'total-parameters');
    await app.session.context.setOffline(true);
    await app.page.reload();
    await expect.poll(() => text(app.page, 'total-parameters')).toBe(params);
    await app.page.getByRole('tab', { name: 'Model JSON' }).click();
    await expect.poll(() => app.page.locator('.monaco-editor').count(), { timeout: 15_000 }).toBe(1);
    await app.session.context.setOffline(false);
    expect(errors).toEqual([]);
  });
});
