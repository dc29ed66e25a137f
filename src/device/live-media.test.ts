import { describe, expect, it } from 'vitest';
import imageSpec from '../../examples/image-cnn.json';
import soundSpec from '../../examples/keyword-spotting.json';
import { int16ToInput, LiveWindow } from '../core/capture/clip.ts';
import { readBlob } from '../core/blob/reader.ts';
import type { MinnowError } from '../core/errors.ts';
import { frameInput } from '../ui/capture/inputs.ts';
import type { BoardClient } from './board-client.ts';
import { liveRun } from './live-test.ts';
import { compileExample } from './testing/example-blob.ts';
import { boardClients } from './testing/client-rig.ts';
import { findVirtualBoard, VIRTUAL_BOARD_MISSING, virtualBoardFirmware } from './testing/virtual-board.ts';
import { inputTensor, quantizeInput } from './validate.ts';

const image = compileExample(5, imageSpec);
const sound = compileExample(6, soundSpec);

/** A 64×64 RGB frame as the camera capture makes it: a diagonal gradient, red and blue crossing. */
function frame(): Uint8Array {
  return Uint8Array.from({ length: 64 * 64 * 3 }, (_, i) => {
    const [p, c] = [Math.floor(i / 3), i % 3];
    const [y, x] = [Math.floor(p / 64), p % 64];
    return c === 0 ? x * 4 : c === 2 ? y * 4 : (x + y) * 2;
  });
}

/** One second of a 440 Hz tone heard at 48 kHz, through the live window the microphone fills (D-12). */
function clip(): Float32Array {
  const window = new LiveWindow(48_000, 16_000);
  const block = Float32Array.from(
    { length: 4096 },
    (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 48_000),
  );
  while (!window.full) window.push(block);
  return int16ToInput(window.clip());
}

describe('the live input of a camera or microphone model', () => {
  it('[D-13] a frame or clip of another size than the model input is E730, before the board is asked', async () => {
    const client = {
      request: () => Promise.reject(new Error('the board was asked')),
    } as unknown as BoardClient;
    const error = await liveRun(client, image.blob, new Float32Array(100)).catch((e: MinnowError) => e);
    expect((error as MinnowError).code).toBe(730);
    expect((error as MinnowError).message).toMatch(
      /has 100 values; the model input \[64, 64, 3\] needs 12288/,
    );
  });

  it('[F-78] a Spectrogram model takes the clip as int16 samples, two bytes each', () => {
    const blob = readBlob(sound.blob);
    expect(inputTensor(blob).shape).toEqual([16000]);
    const bytes = quantizeInput(blob, clip());
    expect(bytes).toHaveLength(32_000);
    // Sample q is q / 32768 (F-78): the int16 back from its bytes times 1/32768 is the clip's value.
    const view = new DataView(bytes.buffer);
    expect(view.getInt16(2 * 100, true) / 32768).toBeCloseTo(clip()[100] ?? NaN, 9);
  });
});

const binary = findVirtualBoard();
const clientFor = boardClients();

describe.skipIf(!binary)(
  `live camera and microphone on the virtual board${binary ? '' : ` — ${VIRTUAL_BOARD_MISSING}`}`,
  () => {
    it('[D-13] the board classifies a camera frame exactly as the browser does', async () => {
      const client = await clientFor(virtualBoardFirmware(), image.blob);
      const info = await client.info();
      const result = await liveRun(client, image.blob, frameInput(frame(), [64, 64, 3]), info);
      expect(result.identical).toBe(true);
      expect(result.board.scores).toEqual(result.browser.scores);
      expect(result.browser.scores).toHaveLength(3);
      expect(result.board.latencyMs).toBeCloseTo(result.board.cycles / 1e6, 9);
    });

    it('[D-13] [F-78] the board computes the spectrogram of a microphone clip exactly as the browser does', async () => {
      const client = await clientFor(virtualBoardFirmware(), sound.blob);
      const info = await client.info();
      const result = await liveRun(client, sound.blob, clip(), info);
      expect(result.identical).toBe(true);
      expect(result.board.best).toBe(result.browser.best);
      expect(result.board.cycles).toBeGreaterThan(0);
    });
  },
);
