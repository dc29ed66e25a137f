import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import imuSpec from '../../../examples/imu-conv1d.json';
import { ForwarderFeed } from '../../device/forwarder-feed.ts';
import { liveTest } from '../../device/live-test.ts';
import { compileExample } from '../../device/testing/example-blob.ts';
import { boardClients } from '../../device/testing/client-rig.ts';
import {
  findVirtualBoard,
  VIRTUAL_BOARD_MISSING,
  virtualBoardFirmware,
} from '../../device/testing/virtual-board.ts';
import { DEFAULT_REQUEST, ForwarderCard, type ForwarderActions } from './ForwarderCard.tsx';
import { LiveTestCard } from './LiveTestCard.tsx';

const none = () => undefined;
const actions: ForwarderActions = {
  onStart: none,
  onStop: none,
  onRecord: none,
  onStopRecording: none,
  onChannels: none,
  onRemove: none,
  onDownload: none,
};
const CLASSES = ['circle', 'flip', 'idle', 'punch', 'shake'];
const binary = findVirtualBoard();
const clientFor = boardClients();

describe('the sensor cards', () => {
  it('[S-7] the forwarder card shows the rate, the bad lines and each recording with its windows', () => {
    let now = 0;
    const feed = new ForwarderFeed(() => now);
    const data = new Set<(b: Uint8Array) => void>();
    feed.startLines({ onData: (l) => (data.add(l), () => data.delete(l)), onLost: () => none });
    feed.record('wave');
    const print = (text: string) => data.forEach((l) => l(new TextEncoder().encode(text)));
    print('boot\n');
    for (let i = 0; i < 200; i++) {
      now += 10;
      print(`${i} ${i} ${i}\n${i % 50 === 0 ? 'noise\n' : ''}`);
    }
    feed.stopRecording();
    const html = renderToStaticMarkup(
      <ForwarderCard
        state={feed.getState()}
        steps={64}
        connected
        minnow={false}
        request={DEFAULT_REQUEST}
        onRequest={none}
        actions={actions}
      />,
    );
    expect(html).toContain(
      '198 samples, 100.0 samples/s, 4 bad lines skipped (last: &quot;noise&quot; is not a number)',
    );
    expect(html).toContain('value="c1, c2, c3"');
    // The first two lines settle the channel count: 198 samples, windows of 64 every 32.
    expect(html).toContain('<strong>wave</strong>: 198 samples at 100.0 Hz, 5 windows of 64');
    expect(html).toContain('Stop reading');
  });

  it.skipIf(!binary)(
    `[S-16] the live test card shows the board's prediction beside the browser's, with its latency${binary ? '' : ` — ${VIRTUAL_BOARD_MISSING}`}`,
    async () => {
      const imu = compileExample(3, imuSpec);
      const client = await clientFor(virtualBoardFirmware(), imu.blob);
      const info = await client.info();
      const feed = new ForwarderFeed();
      const request = { rateHz: 1000, samples: 128, address: 0x68, accelRange: 0, gyroRange: 0 };
      feed.startImu(client, { ...request, sdaGpio: 8, sclGpio: 9 });
      await new Promise<void>((resolve) => feed.subscribe(() => !feed.getState().running && resolve()));
      const result = await liveTest(client, imu.blob, feed.recent(128), info);
      const html = renderToStaticMarkup(
        <LiveTestCard
          result={result}
          classNames={CLASSES}
          available={128}
          steps={128}
          disabled={false}
          onRun={none}
        />,
      );
      const best = CLASSES[result.board.best] as string;
      const score = (result.board.scores[result.board.best] as number).toFixed(3);
      expect(html).toContain(`<th>Board</th><td data-testid="live-board">${best} (${score})</td>`);
      expect(html).toContain(
        `<th>Browser (int8 reference)</th><td data-testid="live-browser">${best} (${score})</td>`,
      );
      // The virtual board's run takes under 10 ms: three significant digits.
      expect(html).toContain(`${(result.board.latencyMs as number).toPrecision(3)} ms on the board`);
      expect(html).toContain('identical output bytes');
      const looping = renderToStaticMarkup(
        <LiveTestCard
          available={0}
          steps={128}
          disabled={false}
          onRun={none}
          loop={{ running: true, onToggle: none }}
        />,
      );
      // While the loop runs, the one-off button waits and the loop's button stops it.
      expect(looping).toContain('<button type="button" disabled="">Classify the latest 128 samples</button>');
      expect(looping).toContain('<button type="button">Stop classifying</button>');
    },
  );
});
