import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { deepModel } from '../scripts/deep-model.ts';
import { canvasSettled, screenshot, text } from './app.ts';
import { useAppPage } from './session.ts';

const app = useAppPage();
// The gallery offers every example model.
const EXAMPLES = readdirSync(join(import.meta.dirname, '..', 'examples')).filter((f) => f.endsWith('.json'));

async function selectLayer(page: Page, id: string): Promise<void> {
  await page.getByRole('tab', { name: 'Layers' }).click();
  await page.locator('table[aria-label="Layers"]').getByRole('button', { name: id, exact: true }).click();
}

/** "312 KB of 4.00 MB" → the first figure in bytes (KB and MB of 1024). */
function bytesOf(figure: string): number {
  const m = /([\d.]+) (B|KB|MB)/.exec(figure);
  if (!m) throw new Error(`no byte figure in "${figure}"`);
  return Number(m[1]) * { B: 1, KB: 1024, MB: 1024 * 1024 }[m[2] as 'B' | 'KB' | 'MB'];
}

/** Replaces the JSON editor's text by pasting it (typing would trigger Monaco's bracket closing). */
async function replaceText(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
}

describe('editing in Chromium', () => {
  it('opens a template from the gallery, with every example described', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Start from a template' }).click();
    const cards = page.locator('.template-card');
    await expect.poll(() => cards.count()).toBe(EXAMPLES.length);
    for (const card of await cards.all())
      expect((await card.locator('p').first().textContent())?.length).toBeGreaterThan(20);
    await screenshot(page, 'templates');
    await page.getByRole('button', { name: 'Open residual as a new project' }).click();
    await expect.poll(() => page.locator('.layer-node').count()).toBe(12);
    // The two Add layers join a skip connection and a branch: two edges each.
    expect(await page.locator('.react-flow__edge[aria-label*="to add1"], [data-id$="->add1"]').count()).toBe(
      2,
    );
    expect(await page.locator('.project-name').textContent()).toBe('residual');
  });

  it('shows an error and its fix on the node at once, and clears it when fixed', async () => {
    const { page } = app;
    // The layer table selects a layer wherever it is on the canvas (which scrolls to it).
    await selectLayer(page, 'out');
    const units = page.locator('#param-out-units');
    await units.fill('ten');
    const node = page.getByTestId('node-out');
    await expect.poll(() => node.locator('.node-error').textContent()).toMatch(/E105.*units.*Fix:/);
    expect(await page.locator('#param-out-units').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'node-error');
    await units.fill('12');
    await expect.poll(() => node.locator('.node-error').count()).toBe(0);
    await expect.poll(() => node.textContent()).toContain('12 units');
  });

  it('inserts from the palette with the keyboard and deletes with the Delete key', async () => {
    const { page } = app;
    await selectLayer(page, 'gap');
    await page.getByRole('button', { name: 'Dropout', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.layer-node').count()).toBe(13);
    const dropout = page.getByTestId('node-dropout');
    await expect.poll(() => dropout.count()).toBe(1);
    await canvasSettled(page);
    await dropout.click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.layer-node').count()).toBe(12);
  });

  it('reorders a layer from the inspector, and undo puts it back', async () => {
    const { page } = app;
    const order = () => page.locator('table[aria-label="Layers"] tbody th').allTextContents();
    await selectLayer(page, 'gap');
    await page.getByRole('button', { name: 'Move up' }).click();
    await expect.poll(async () => (await order()).slice(-3)).toEqual(['gap', 'relu2', 'out']);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await order()).slice(-3)).toEqual(['relu2', 'gap', 'out']);
  });

  it('connects a merge layer on the canvas', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New', exact: true }).click();
    for (const type of ['Flatten', 'Dense', 'Dense', 'Add']) {
      await page.getByRole('button', { name: type, exact: true }).press('Enter');
    }
    const add = page.getByTestId('node-add');
    await expect.poll(() => add.locator('.node-error').textContent()).toMatch(/E115.*takes 2 .* input/);
    await canvasSettled(page);
    const source = page.locator('.react-flow__node[data-id="dense"] .react-flow__handle.source');
    const target = page.locator('.react-flow__node[data-id="add"] .react-flow__handle.target');
    await source.dragTo(target);
    // Both Dense layers give [10]: the Add is valid now, and draws two incoming edges.
    await expect.poll(() => add.locator('.node-error').count()).toBe(0);
    await expect.poll(() => add.textContent()).toContain('[10]');
    expect(await page.locator('.react-flow__edge[data-id$="->add"], [data-id$="->add"]').count()).toBe(2);
    await screenshot(page, 'dag');
    await page.keyboard.press('Control+z');
    await expect.poll(() => add.locator('.node-error').count()).toBe(1);
    await page.locator('.project-switch').click();
    await page
      .getByRole('dialog', { name: 'Projects' })
      .getByRole('button', { name: 'residual', exact: true })
      .click();
    await expect.poll(() => page.locator('.layer-node').count()).toBe(12);
  });

  it('edits the model as JSON two-way, and an invalid text never reaches the canvas', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Model JSON' }).click();
    const lines = page.locator('.monaco-editor .view-lines');
    // Monaco draws spaces as no-break spaces.
    const shown = async () => ((await lines.textContent()) ?? '').replace(/\s+/g, ' ');
    await expect.poll(shown, { timeout: 20_000 }).toContain('"residual"');
    await lines.click();
    await replaceText(page, '{ "format": ,,, ');
    await expect.poll(() => text(page, 'json-status')).toContain('Not valid JSON');
    expect(await page.locator('.layer-node').count()).toBe(12);
    const model = {
      format: 'minnow-model',
      version: 1,
      name: 'residual',
      input: { shape: [8] },
      layers: [{ id: 'only', type: 'Dense', units: 3 }],
    };
    await replaceText(page, JSON.stringify({ ...model, layers: [{ id: 'only', type: 'Dense' }] }, null, 2));
    await expect.poll(() => text(page, 'json-status')).toContain('E104');
    expect(await page.locator('.layer-node').count()).toBe(12);
    await screenshot(page, 'json-invalid');
    await replaceText(page, JSON.stringify(model));
    await expect.poll(() => page.locator('.layer-node').count()).toBe(1);
    await expect.poll(() => text(page, 'total-parameters')).toBe('27');
    // Canvas → text: an edit in the inspector shows up in the JSON.
    await page.getByTestId('node-only').click();
    await page.locator('#param-only-units').fill('5');
    // Only the lines in view are in the page: bring the end of the text (the layers) into view.
    await lines.click();
    await page.keyboard.press('Control+End');
    await expect.poll(shown).toContain('"units": 5');
  });

  it('renames, duplicates and deletes projects, and a delete can be undone', async () => {
    const { page } = app;
    await page.locator('.project-switch').click();
    const dialog = page.getByRole('dialog', { name: 'Projects' });
    await dialog.getByRole('button', { name: 'Rename residual' }).click();
    await dialog.getByLabel('New name for residual').fill('My ResNet');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Duplicate My ResNet' }).click();
    // The first visit's project, the one made for the merge layer, the template, and now its copy.
    await expect.poll(() => dialog.locator('.project-row').count()).toBe(4);
    await dialog.getByRole('button', { name: 'Delete My ResNet (copy)' }).click();
    await expect.poll(() => dialog.locator('.project-row').count()).toBe(3);
    await dialog.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => dialog.locator('.project-row').count()).toBe(4);
    await screenshot(page, 'projects');
    await page.keyboard.press('Escape');
  });

  it('reorders a chain by dragging a node above another', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Open mnist-mlp as a new project' }).click();
    await page.getByRole('tab', { name: 'Layers' }).click();
    await canvasSettled(page);
    const order = () => page.locator('table[aria-label="Layers"] tbody th').allTextContents();
    const out = await page.getByTestId('node-out').boundingBox();
    const fc1 = await page.getByTestId('node-fc1').boundingBox();
    if (!out || !fc1) throw new Error('the nodes are not on screen');
    await page.mouse.move(out.x + out.width / 2, out.y + 10);
    await page.mouse.down();
    await page.mouse.move(out.x + out.width / 2, fc1.y - 10, { steps: 12 });
    await page.mouse.up();
    // "out" now runs before fc1: it reads the flattened 784 values, and fc1 reads its 10.
    await expect
      .poll(async () => (await order()).map((t) => t.replace('peak', '')))
      .toEqual(['input', 'flat', 'out', 'fc1']);
  });

  it('packs a layer’s weights as ternary from the inspector, and undo restores int8', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Open mnist-mlp as a new project' }).click();
    await selectLayer(page, 'fc1');
    const flash = async () => bytesOf(await text(page, 'bar-model-text'));
    const int8Flash = await flash();
    const radio = (name: string) => page.getByRole('radio', { name: new RegExp(`^${name} ·`) });
    expect(await radio('int8').isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /^ternary · 16 KB \(saves 61 KB\)/ }).count()).toBe(1);
    await radio('ternary').check();
    // 784·100 weights at one byte each become ceil(78,400 / 5) bytes: 62,720 B less flash.
    await expect.poll(() => text(page, 'packing-saving')).toBe('Weight packing saves 61 KB of flash (77 %)');
    await expect.poll(flash).toBeLessThan(int8Flash - 60_000);
    expect(await page.getByTestId('packing-fc1').textContent()).toBe('ternary');
    await expect.poll(() => page.getByTestId('node-fc1').textContent()).toContain('ternary weights');
    await screenshot(page, 'packing');
    await page.keyboard.press('Control+z');
    await expect.poll(() => radio('int8').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('packing-saving').count()).toBe(0);
    expect(await flash()).toBe(int8Flash);
    // The choices are a radio group: the arrow keys move the choice.
    await radio('int8').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => radio('int4').isChecked()).toBe(true);
    await expect.poll(() => text(page, 'packing-saving')).toMatch(/^Weight packing saves 38 KB/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => radio('int8').isChecked()).toBe(true);
  });

  it('draws the rows in view of a 200-layer table, and scrolls it to a layer selected on the canvas', async () => {
    const { page } = app;
    await page.getByTestId('import-file').setInputFiles({
      name: 'deep-200.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(deepModel(200))),
    });
    await page.getByRole('tab', { name: 'Layers' }).click();
    const table = page.locator('table[aria-label="Layers"]');
    const button = (id: string) => table.getByRole('button', { name: id, exact: true });
    await expect.poll(() => button('stem').count()).toBe(1);
    expect(await table.locator('tbody tr[data-row]').count()).toBeLessThan(60);
    // Head, input, 200 layers and the total.
    expect(await table.getAttribute('aria-rowcount')).toBe('203');
    // The scrollbar stands for every row: at the end the last layer is drawn and the first is not.
    const scroller = page.locator('.table-scroll');
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => button('out').count()).toBe(1);
    expect(await button('stem').count()).toBe(0);
    expect(
      await table
        .locator('tr[data-row]', { has: page.getByRole('button', { name: 'out', exact: true }) })
        .getAttribute('aria-rowindex'),
    ).toBe('202');
    const [last, view] = await Promise.all([button('out').boundingBox(), scroller.boundingBox()]);
    expect(last!.y + last!.height).toBeLessThanOrEqual(view!.y + view!.height);
    // Selected on the canvas (which shows the top of the network), the first layer scrolls into the table's view.
    await canvasSettled(page);
    await page.getByTestId('node-stem').click();
    await expect.poll(() => button('stem').count()).toBe(1);
    const first = await button('stem').boundingBox();
    expect(first!.y).toBeGreaterThanOrEqual(view!.y);
    expect(first!.y + first!.height).toBeLessThanOrEqual(view!.y + view!.height);
    await screenshot(page, 'long-table');
  });

  it('switches to the dark theme', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByRole('tab', { name: 'Layers' }).click();
    await page.getByRole('button', { name: 'Start from a template' }).count();
    await screenshot(page, 'dark');
    expect(app.errors).toEqual([]);
  });
});
