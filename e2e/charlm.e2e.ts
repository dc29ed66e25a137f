import { describe, expect, it } from 'vitest';
import { readBlob } from '../src/core/blob/reader.ts';
import { textTokens, tokensText } from '../src/core/blob/utf8.ts';
import { generateGreedy } from '../src/core/reference/generate.ts';
import { prepare } from '../src/core/reference/interpreter.ts';
import { findVirtualBoard, VIRTUAL_BOARD_MISSING } from '../src/device/testing/virtual-board.ts';
import { screenshot } from './app.ts';
import { connectAndFlashAll, downloadBlob, useBridgedApp } from './device/board-checks.ts';

// A short, very regular text: one epoch on it is enough for the model to prefer some characters.
const CORPUS = 'the fish swims in the sea and the sea is wide. '.repeat(12);
const PROMPT = 'the ';
const COUNT = 40;

let pageText = '';
const errors: string[] = [];
const app = useBridgedApp('charlm', errors);

const stage = (name: RegExp) => app.page.getByRole('tab', { name }).click();

describe.skipIf(!findVirtualBoard())(
  `char-LM: train on pasted text, write on the page, write the same on the board${findVirtualBoard() ? '' : ` (skipped: ${VIRTUAL_BOARD_MISSING})`}`,
  () => {
    it('trains the char-lm template briefly on pasted text', async () => {
      await app.page.getByRole('button', { name: 'Start from a template' }).click();
      await app.page.getByRole('button', { name: 'Open char-lm as a new project' }).click();
      await app.page.getByTestId('chip-picker').selectOption(app.bridge.board.chip.id);
      await stage(/Train/);
      // As a person would, wait until the badge says what the trainer runs on: before that the worker is still
      // starting and the text would go nowhere.
      await expect
        .poll(() => app.page.getByTestId('train-backend').getAttribute('data-backend'), { timeout: 60_000 })
        .toMatch(/webgl|wasm|cpu/);
      await app.page.getByTestId('text-corpus').fill(CORPUS);
      await app.page.getByTestId('load-text').click();
      const windows = CORPUS.length - 32;
      await expect
        .poll(() => app.page.getByTestId('data-count').textContent(), { timeout: 30_000 })
        .toBe(windows.toLocaleString('en'));
      // A quick, rough run: a high rate, and no quantization awareness (the int8 check does not need it).
      await app.page.locator('#train-epochs').fill('1');
      await app.page.locator('#train-lr').fill('0.05');
      await app.page.locator('#train-quant-aware').uncheck();
      await app.page.getByTestId('train-start').click();
      // Continuing appears once a run has ended and its weights are saved.
      await expect
        .poll(() => app.page.getByTestId('train-continue').isVisible(), { timeout: 180_000, interval: 500 })
        .toBe(true);
      expect(await app.page.getByTestId('training-workspace').getAttribute('data-state')).toBe('idle');
    }, 240_000);

    it('writes greedily on the page with the int8 blob the board gets', async () => {
      await app.page.getByTestId('write-prompt').fill(PROMPT);
      await app.page.locator('#write-length').fill(String(COUNT));
      await app.page.getByTestId('write-temperature').fill('0');
      await app.page.getByTestId('write-generate').click();
      await app.page.getByTestId('write-rate').waitFor({ timeout: 30_000 });
      pageText = (await app.page.getByTestId('write-output').textContent()) ?? '';
      expect(pageText.length).toBeGreaterThan(0);
      await screenshot(app.page, 'charlm-write');
    });

    it('flashes the model and the board writes the very same text, with its tokens/s', async () => {
      await stage(/Board/);
      await expect.poll(() => app.page.getByTestId('blob-source').textContent()).toMatch(/trained weights/);
      // The downloaded blob, run by the reference interpreter here, writes what the page wrote.
      const program = prepare(readBlob(await downloadBlob(app.page)));
      const arena = new Uint8Array(program.blob.header.arenaSize);
      const greedy = generateGreedy(program, arena, textTokens(PROMPT), COUNT);
      expect(tokensText(greedy)).toBe(pageText);
      await connectAndFlashAll(app.page);
      await app.page
        .getByRole('region', { name: 'Board info' })
        .getByText('char-lm')
        .waitFor({ timeout: 30_000 });
      await app.page.getByTestId('board-write-prompt').fill(PROMPT);
      await app.page.getByTestId('board-write-count').fill(String(COUNT));
      await app.page.getByTestId('board-write-generate').click();
      await app.page.getByTestId('board-write-rate').waitFor({ timeout: 30_000 });
      expect(await app.page.getByTestId('board-write-output').textContent()).toBe(pageText);
      expect(await app.page.getByTestId('board-write-rate').textContent()).toMatch(/tokens\/s/);
      await screenshot(app.page, 'charlm-board');
      expect(errors).toEqual([]);
    });
  },
);
