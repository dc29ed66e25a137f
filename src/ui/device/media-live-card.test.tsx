import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LiveResult } from '../../device/live-test.ts';
import { LiveResultTable } from './LiveResultTable.tsx';
import { MediaLiveCard } from './MediaLiveCard.tsx';

const blob = new Uint8Array(0);

describe('the camera and microphone live test card', () => {
  it('[D-13] names its device, and waits for the device and a ready board before it classifies', () => {
    const camera = renderToStaticMarkup(
      <MediaLiveCard kind="image" shape={[16, 16, 3]} blob={blob} ready={false} active />,
    );
    expect(camera).toContain('aria-label="Live test with the camera"');
    expect(camera).toContain('<button type="button">Start the camera</button>');
    expect(camera).toContain('<button type="button" disabled="">Classify this frame</button>');
    expect(camera).toContain('<button type="button" disabled="">Keep classifying</button>');
    expect(camera).toContain('Flash the model and wait for the board to report it ready.');
    const mic = renderToStaticMarkup(<MediaLiveCard kind="sound" shape={[16000]} blob={blob} ready active />);
    expect(mic).toContain('aria-label="Live test with the microphone"');
    expect(mic).toContain('<button type="button">Start listening</button>');
    // One second of 16 kHz audio; the microphone is not on yet.
    expect(mic).toContain('<button type="button" disabled="">Classify the last 1 s</button>');
    expect(mic).not.toContain('<video');
  });

  it('[D-13] shows the class names, the board’s time to three digits under 10 ms and the round trip', () => {
    const prediction = { scores: [0.25, 0.75], best: 1 };
    const result: LiveResult = {
      browser: prediction,
      board: { ...prediction, cycles: 12_345, latencyMs: 0.012345, roundTripMs: 9.4 },
      identical: true,
    };
    const html = renderToStaticMarkup(<LiveResultTable result={result} classNames={['up', 'down']} />);
    expect(html).toContain('<td data-testid="live-board">down (0.750)</td>');
    expect(html).toContain('<td data-testid="live-browser">down (0.750)</td>');
    expect(html).toContain('0.0123 ms on the board, round trip 9 ms');
    expect(html).toContain('identical output bytes');
    expect(html).not.toContain('float model');
    const float = renderToStaticMarkup(
      <LiveResultTable result={result} classNames={['up', 'down']} float={{ scores: [0.9, 0.1], best: 0 }} />,
    );
    expect(float).toContain(
      '<th>Browser (float model)</th><td data-testid="live-float">up (0.900)</td><td>another class than int8</td>',
    );
    const slow = { ...result, board: { ...result.board, latencyMs: 42.5 } };
    expect(renderToStaticMarkup(<LiveResultTable result={slow} />)).toContain(
      '<td data-testid="live-board">output 1 (0.750)</td>',
    );
    expect(renderToStaticMarkup(<LiveResultTable result={slow} />)).toContain('42.50 ms on the board');
  });
});
