import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { inject, describe, expect, it } from 'vitest';
import { screenshot } from './app.ts';
import { openSession } from './browser.ts';
import { holdRecord, startCaptureCamera } from './capture-steps.ts';
import { modelFile, THUMBS_MODEL } from './files.ts';
import { useAppPage } from './session.ts';

const app = useAppPage();
const page = (): Page => app.page;

const SOUND_MODEL = modelFile(
  'clap',
  [16000],
  [{ id: 'out', type: 'Dense', units: 2, activation: 'softmax' }],
);

const count = async (slug: string) =>
  Number(await page().getByTestId(`capture-class-${slug}`).getByTestId('capture-count').textContent());
const fingerprint = () => page().getByTestId('data-summary').getAttribute('data-fingerprint');

async function openModel(file: ReturnType<typeof modelFile>): Promise<void> {
  await page().getByTestId('import-file').setInputFiles(file);
  await page().getByRole('tab', { name: /Train/ }).click();
  await expect.poll(() => page().getByTestId('capture-panel').isVisible(), { timeout: 30_000 }).toBe(true);
}

/** Trains for `epochs` on the loaded recordings, then runs the live test until it names one of `classes`. */
async function trainAndClassifyLive(epochs: string, classes: RegExp, shot: string): Promise<void> {
  await page().locator('#train-epochs').fill(epochs);
  await page().getByTestId('train-start').click();
  await expect
    .poll(() => page().getByTestId('train-continue').isVisible(), { timeout: 90_000, interval: 500 })
    .toBe(true);
  await page().getByTestId('live-start').click();
  await expect
    .poll(() => page().getByTestId('live-panel').getByTestId('float-class').textContent(), {
      timeout: 20_000,
    })
    .toMatch(classes);
  await page().getByTestId('live-panel').scrollIntoViewIfNeeded();
  await screenshot(page(), shot);
  await page().getByTestId('live-stop').click();
}

describe('recording a data set with the webcam and the microphone (D-8 to D-12)', () => {
  let frames = 0;
  let captured = '';

  it('records webcam frames for two classes by holding a button and by holding Space, deletes and undoes', async () => {
    await openModel(THUMBS_MODEL);
    await startCaptureCamera(page());
    await holdRecord(page(), 'class-1', 1500);
    await expect.poll(() => count('class-1')).toBeGreaterThanOrEqual(5);
    const name2 = page().getByTestId('capture-class-class-2').locator('.capture-class-name');
    await name2.focus();
    await page().keyboard.down('Space');
    await page().waitForTimeout(1500);
    await page().keyboard.up('Space');
    await expect.poll(() => count('class-2')).toBeGreaterThanOrEqual(5);
    const before = await count('class-2');
    await page().getByTestId('capture-class-class-2').locator('.capture-delete').first().click();
    await expect.poll(() => count('class-2')).toBe(before - 1);
    await name2.focus();
    await page().keyboard.press('Control+z');
    await expect.poll(() => count('class-2')).toBe(before);
    expect(await page().locator('.capture-thumbs canvas').count()).toBeGreaterThanOrEqual(10);
    frames = (await count('class-1')) + (await count('class-2'));
    await screenshot(page(), 'capture-webcam');
  }, 120_000);

  it('trains a tiny model on the frames and classifies the webcam live', async () => {
    await page().getByTestId('load-captures').click();
    await expect
      .poll(() => page().getByTestId('data-count').textContent(), { timeout: 30_000 })
      .toBe(String(frames));
    captured = (await fingerprint()) ?? '';
    expect(captured).toMatch(/^[0-9a-f]{8}$/);
    await trainAndClassifyLive('3', /^class [12]$/, 'capture-live-test');
  }, 150_000);

  it('exports the frames as an image-folder zip that the image-folder upload reads back to the same numbers', async () => {
    const [download] = await Promise.all([
      page().waitForEvent('download'),
      page().getByTestId('capture-export-zip').click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'minnow-capture-'));
    const zip = join(dir, 'frames.zip');
    await download.saveAs(zip);
    execFileSync('unzip', ['-q', zip, '-d', join(dir, 'out')]);
    const root = execFileSync('ls', [join(dir, 'out')])
      .toString()
      .trim();
    await page()
      .locator('input[webkitdirectory]')
      .setInputFiles(join(dir, 'out', root));
    await expect
      .poll(() => page().getByTestId('data-summary').textContent(), { timeout: 30_000 })
      .toMatch(/^images/);
    expect(await page().getByTestId('data-count').textContent()).toBe(String(frames));
    expect(await fingerprint()).toBe(captured);
  }, 60_000);

  it('keeps the frames after a reload', async () => {
    await page().reload();
    await page().getByRole('tab', { name: /Train/ }).click();
    await expect.poll(() => count('class-1'), { timeout: 30_000 }).toBeGreaterThan(0);
    expect((await count('class-1')) + (await count('class-2'))).toBe(frames);
    await expect
      .poll(() => page().getByTestId('capture-quota').textContent())
      .toMatch(/Browser storage: .* used/);
  }, 60_000);

  it('records microphone clips for the background-noise class and another, kept after a reload', async () => {
    await openModel(SOUND_MODEL);
    await expect
      .poll(() => page().getByTestId('capture-panel').textContent())
      .toMatch(/Each clip is 1 s at 16 kHz/);
    await page().getByTestId('record-background-noise').click();
    await expect.poll(() => count('background-noise'), { timeout: 20_000 }).toBe(1);
    await page().getByTestId('record-class-1').click();
    await expect.poll(() => count('class-1'), { timeout: 20_000 }).toBe(1);
    expect(await page().locator('.clip-thumb').count()).toBe(2);
    await screenshot(page(), 'capture-microphone');
    await page().reload();
    await page().getByRole('tab', { name: /Train/ }).click();
    await expect.poll(() => count('background-noise'), { timeout: 30_000 }).toBe(1);
    expect(await count('class-1')).toBe(1);
  }, 90_000);

  it('trains on four clips and classifies the microphone live', async () => {
    await page().getByTestId('record-background-noise').click();
    await expect.poll(() => count('background-noise'), { timeout: 20_000 }).toBe(2);
    await page().getByTestId('record-class-1').click();
    await expect.poll(() => count('class-1'), { timeout: 20_000 }).toBe(2);
    await page().getByTestId('load-captures').click();
    await expect.poll(() => page().getByTestId('data-count').textContent(), { timeout: 30_000 }).toBe('4');
    await trainAndClassifyLive('2', /^(background noise|class 1)$/, 'capture-live-microphone');
  }, 150_000);

  let projectFile = '';

  it('exports the project with its clips, and an import brings them back as a new project', async () => {
    const [download] = await Promise.all([
      page().waitForEvent('download'),
      page().getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    projectFile = join(mkdtempSync(join(tmpdir(), 'minnow-capture-')), 'clap.minnow.json');
    await download.saveAs(projectFile);
    await page().getByTestId('import-file').setInputFiles(projectFile);
    await expect.poll(() => page().getByText('Imported “clap” from clap.minnow.json.').count()).toBe(1);
    await expect.poll(() => count('background-noise'), { timeout: 20_000 }).toBe(2);
    expect(await count('class-1')).toBe(2);
    expect(app.errors).toEqual([]);
  }, 60_000);

  it('says plainly when the microphone is refused, keeps what was recorded, and warns before storage is full', async () => {
    const refused = await openSession(undefined, { mediaPrompt: true });
    try {
      const other = await refused.context.newPage();
      // A nearly full disk: 85 MB of the site's 100 MB used.
      await other.addInitScript(() => {
        navigator.storage.estimate = () => Promise.resolve({ usage: 85 * 2 ** 20, quota: 100 * 2 ** 20 });
      });
      await other.goto(inject('baseUrl'));
      await other.getByTestId('import-file').setInputFiles(projectFile);
      await other.getByRole('tab', { name: /Train/ }).click();
      await other.getByTestId('record-class-1').click();
      await expect
        .poll(() => other.getByTestId('capture-error').textContent(), { timeout: 20_000 })
        .toMatch(
          /^E700 The browser was not allowed to use the microphone\. .*Nothing recorded so far is lost\.$/,
        );
      const kept = other.getByTestId('capture-class-class-1').getByTestId('capture-count');
      expect(await kept.textContent()).toBe('2');
      expect(await other.getByTestId('capture-quota').getAttribute('data-level')).toBe('warn');
      expect(await other.getByTestId('capture-quota').textContent()).toMatch(
        /Storage is 85 % full \(85\.00 MB of 100\.00 MB used\): about \d+ more recordings fit\./,
      );
      await screenshot(other, 'capture-refused');
    } finally {
      await refused.close();
    }
  }, 60_000);
});
