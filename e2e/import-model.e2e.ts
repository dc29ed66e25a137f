import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { savedFiles, SHARD } from '../src/core/import/layers/test-save.ts';
import { savedProjectFile, screenshot, text, verdict } from './app.ts';
import { writeFolder } from './files.ts';
import { useAppPage } from './session.ts';

const app = useAppPage();
const stage = (name: RegExp) => app.page.getByRole('tab', { name }).click();

/** Writes what tfjs model.save() writes for `model` into a folder; returns the two paths. */
async function savedFolder(model: tf.LayersModel): Promise<[string, string]> {
  const { json, shard } = await savedFiles(model);
  const root = writeFolder('tfjs-model', { 'model.json': JSON.stringify(json), [SHARD]: Buffer.from(shard) });
  return [join(root, 'model.json'), join(root, SHARD)];
}

function keywordSpotter(): tf.Sequential {
  return tf.sequential({
    name: 'keyword_spotter',
    layers: [
      tf.layers.conv2d({
        inputShape: [20, 16, 1],
        filters: 8,
        kernelSize: 3,
        activation: 'relu',
        name: 'conv',
      }),
      tf.layers.zeroPadding2d({ padding: 1, name: 'pad' }),
      tf.layers.depthwiseConv2d({ kernelSize: 3, activation: 'relu', name: 'depthwise' }),
      tf.layers.maxPooling2d({ poolSize: 2, name: 'pool' }),
      tf.layers.flatten({ name: 'flatten' }),
      tf.layers.dense({ units: 4, activation: 'softmax', name: 'words' }),
    ],
  });
}

/** Drops what tfjs saves for `model` (model.json and its shard) on the first element matching `selector`. */
async function dropFiles(selector: string, model: tf.LayersModel): Promise<void> {
  const { json, shard } = await savedFiles(model);
  const transfer = await app.page.evaluateHandle(
    ({ text, bytes, shardName }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'model.json', { type: 'application/json' }));
      dt.items.add(new File([Uint8Array.from(bytes)], shardName));
      return dt;
    },
    { text: JSON.stringify(json), bytes: [...shard], shardName: SHARD },
  );
  await app.page.locator(selector).first().dispatchEvent('drop', { dataTransfer: transfer });
}

describe('importing a tfjs Layers model', () => {
  it('takes model.json with its .bin through the Import button and shows it on the canvas with the gauge', async () => {
    await expect.poll(() => app.page.getByText('Start your network').isVisible()).toBe(true);
    const model = keywordSpotter();
    await app.page.getByTestId('import-file').setInputFiles(await savedFolder(model));
    const notice = app.page.getByTestId('notice');
    await expect
      .poll(() => notice.textContent())
      .toMatch(/Imported “keyword_spotter” \(5 layers with its trained weights\)/);
    expect(await notice.textContent()).toMatch(/ZeroPadding2D "pad" was folded into "depthwise"/);
    await expect.poll(() => app.page.locator('.layer-node').count()).toBe(5);
    expect(await app.page.locator('.project-name').textContent()).toBe('keyword_spotter');
    await expect
      .poll(() => text(app.page, 'total-parameters'))
      .toBe(model.countParams().toLocaleString('en-US'));
    expect(await verdict(app.page)).toBe('fits');
    await screenshot(app.page, 'imported-tfjs-model');
    // The notes stay until read and dismissed.
    await app.page.getByRole('button', { name: 'Dismiss' }).click();
    await stage(/Board/);
    await expect.poll(() => app.page.getByTestId('blob-source').textContent()).toMatch(/trained weights/);
    // The weights are saved with the project: after a reload the board still gets them.
    await expect
      .poll(async () => (await savedProjectFile<{ weights?: unknown }>(app.page))?.weights)
      .toBeTruthy();
    await app.page.reload();
    await stage(/Board/);
    await expect.poll(() => app.page.getByTestId('blob-source').textContent()).toMatch(/trained weights/);
    await stage(/Design/);
  });

  it('imports a model too big for the chip, and the gauge says why and what to change', async () => {
    const big = tf.sequential({
      name: 'big_camera_model',
      layers: [
        tf.layers.conv2d({
          inputShape: [320, 320, 3],
          filters: 32,
          kernelSize: 3,
          padding: 'same',
          name: 'wide',
        }),
        tf.layers.globalAveragePooling2d({ name: 'gap' }),
        tf.layers.dense({ units: 2, name: 'out' }),
      ],
    });
    await app.page.getByTestId('import-file').setInputFiles(await savedFolder(big));
    await expect.poll(() => app.page.locator('.project-name').textContent()).toBe('big_camera_model');
    await expect.poll(() => verdict(app.page)).toBe('too-big-ram');
    const fixes = app.page.getByRole('region', { name: 'How to make it fit' });
    await expect.poll(() => fixes.isVisible()).toBe(true);
    await screenshot(app.page, 'imported-too-big');
  });

  it('imports files dropped anywhere on the app, and refuses an LSTM naming it and what to use instead', async () => {
    const mlp = tf.sequential({
      name: 'pose_classifier',
      layers: [
        tf.layers.dense({ inputShape: [34], units: 16, activation: 'relu' }),
        tf.layers.dense({ units: 3 }),
      ],
    });
    await dropFiles('nav.palette', mlp);
    await expect.poll(() => app.page.locator('.project-name').textContent()).toBe('pose_classifier');
    await expect.poll(() => app.page.locator('.layer-node').count()).toBe(2);

    const lstm = tf.sequential({
      layers: [
        tf.layers.lstm({ inputShape: [10, 3], units: 4, name: 'memory' }),
        tf.layers.dense({ units: 2 }),
      ],
    });
    await dropFiles('[data-testid="canvas"]', lstm);
    const notice = app.page.getByTestId('notice');
    await expect
      .poll(() => notice.textContent())
      .toMatch(/Cannot import model\.json and 1 more file: E672 Layer 0 "memory" \(LSTM\)/);
    expect(await notice.textContent()).toMatch(/LSTM: not supported; GRU is/);
    expect(await app.page.locator('.project-name').textContent()).toBe('pose_classifier');
    expect(app.errors).toEqual([]);
  });
});
