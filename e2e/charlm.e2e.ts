import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { readBlob } from '../src/core/blob/reader.ts';
import { decodeUtf8, encodeUtf8 } from '../src/core/blob/utf8.ts';
import { generateGreedy } from '../src/core/reference/generate.ts';
import { prepare } from '../src/core/reference/interpreter.ts';
import { findVirtualBoard, VIRTUAL_BOARD_MISSING } from '../src/device/testing/virtual-board.ts';
import { screenshot } from './app.ts';
import type { Session } from './browser.ts';
import { connectAndFlashAll, downloadBlob, openBridgedApp } from './device/board-checks.ts';
import type { Bridge } from './device/bridge.ts';

// A short, very regular text: one epoch on it is enough for the model to prefer some characters.
const CORPUS = 'the fish swims in the sea and the sea is wide. '.repeat(12);
const PROMPT = 'the ';
const COUNT = 40;

let bridge: Bridge;
let session: Session;
let page: Page;
let pageText = '';
const errors: string[] = [];

const stage = (name: RegExp) => page.getByRole('tab', { name }).click();

beforeAll(async () => {
  ({ bridge, session, page } = await openBridgedApp(inject('baseUrl'), errors));
});

afterAll(async () => {
  await session?.close();
  await bridge?.close();
});

beforeEach(({ onTestFailed, task }) => {
  onTestFailed(async () => {
    await screenshot(page, `failure-charlm-${task.name.replace(/\W+/g, '-')}`);
  });
});

describe.skipIf(!findVirtualBoard())(
  `char-LM: train on pasted text, write on the page, write the same on the board${findVirtualBoard() ? '' : ` (skipped: ${VIRTUAL_BOARD_MISSING})`}`,
  () => {
    it('trains the char-lm template briefly on pasted text', async () => {
      await page.getByRole('button', { name: 'Start from a template' }).click();
      await page.getByRole('button', { name: 'Open char-lm as a new project' }).click();
      await page.getByTestId('chip-picker').selectOption(bridge.board.chip.id);
      await stage(/Train/);
      await page.getByTestId('text-corpus').fill(CORPUS);
      await page.getByTestId('load-text').click();
      const windows = CORPUS.length - 32;
      await expect
        .poll(() => page.getByTestId('data-count').textContent(), { timeout: 30_000 })
        .toBe(windows.toLocaleString('en'));
      // A quick, rough run: a high rate, and no quantization awareness (the int8 check does not need it).
      await page.locator('#train-epochs').fill('1');
      await page.locator('#train-lr').fill('0.05');
      await page.locator('#train-quant-aware').uncheck();
      await page.getByTestId('train-start').click();
      // Continuing appears once a run has ended and its weights are saved.
      await expect
        .poll(() => page.getByTestId('train-continue').isVisible(), { timeout: 180_000, interval: 500 })
        .toBe(true);
      expect(await page.getByTestId('training-workspace').getAttribute('data-state')).toBe('idle');
    }, 240_000);

    it('writes greedily on the page with the int8 blob the board gets', async () => {
      await page.getByTestId('write-prompt').fill(PROMPT);
      await page.locator('#write-length').fill(String(COUNT));
      await page.getByTestId('write-temperature').fill('0');
      await page.getByTestId('write-generate').click();
      await page.getByTestId('write-rate').waitFor({ timeout: 30_000 });
      pageText = (await page.getByTestId('write-output').textContent()) ?? '';
      expect(pageText.length).toBeGreaterThan(0);
    });

    it('flashes the model and the board writes the very same text, with its tokens/s', async () => {
      await stage(/Board/);
      await expect.poll(() => page.getByTestId('blob-source').textContent()).toMatch(/trained weights/);
      // The downloaded blob, run by the reference interpreter here, writes what the page wrote.
      const program = prepare(readBlob(await downloadBlob(page)));
      const arena = new Uint8Array(program.blob.header.arenaSize);
      const greedy = generateGreedy(program, arena, [...encodeUtf8(PROMPT)], COUNT);
      expect(decodeUtf8(Uint8Array.from(greedy))).toBe(pageText);
      await connectAndFlashAll(page);
      await page
        .getByRole('region', { name: 'Board info' })
        .getByText('char-lm')
        .waitFor({ timeout: 30_000 });
      await page.getByTestId('board-write-prompt').fill(PROMPT);
      await page.getByTestId('board-write-count').fill(String(COUNT));
      await page.getByTestId('board-write-generate').click();
      await page.getByTestId('board-write-rate').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('board-write-output').textContent()).toBe(pageText);
      expect(await page.getByTestId('board-write-rate').textContent()).toMatch(/tokens\/s/);
      await screenshot(page, 'charlm-board');
      expect(errors).toEqual([]);
    });
  },
);
