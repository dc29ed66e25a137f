import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { readBlob } from '../../core/blob/reader.ts';
import type { TensorEntry } from '../../core/blob/types.ts';
import { isMinnowError, type MinnowError } from '../../core/errors.ts';
import { ForwarderFeed } from '../../device/forwarder-feed.ts';
import { liveLoop } from '../../device/live-loop.ts';
import { liveTest, type LiveResult } from '../../device/live-test.ts';
import type { DeviceSession, DeviceState } from '../../device/session.ts';
import { ErrorNote } from '../common/ErrorNote.tsx';
import { DEFAULT_REQUEST, ForwarderCard, type ForwarderActions } from './ForwarderCard.tsx';
import { LiveTestCard } from './LiveTestCard.tsx';
import { saveFile } from './save-file.ts';

function useFeed(): [ForwarderFeed, ReturnType<ForwarderFeed['getState']>] {
  const [feed] = useState(() => new ForwarderFeed());
  const state = useSyncExternalStore(feed.subscribe, feed.getState, feed.getState);
  useEffect(() => () => void feed.stopSource(), [feed]);
  return [feed, state];
}

/** The board's sensors: record with the data forwarder, then classify the latest window on the board. */
export function SensorSection(props: {
  session: DeviceSession;
  state: DeviceState;
  blob?: Uint8Array;
  classNames?: readonly string[];
  /** Offer the live test on sensor windows (not for a camera or microphone model, which has its own). */
  liveTest?: boolean;
}) {
  const { session, state, blob, classNames, liveTest: offerLive = true } = props;
  const [feed, feedState] = useFeed();
  const [live, setLiveResult] = useState<LiveResult>();
  const [liveCount, setLiveCount] = useState(0);
  const setLive = (result: LiveResult) => {
    setLiveResult(result);
    setLiveCount((n) => n + 1);
  };
  const [liveError, setLiveError] = useState<MinnowError>();
  const [request, setRequest] = useState(DEFAULT_REQUEST);
  const [looping, setLooping] = useState<AbortController>();
  const input = useMemo(() => {
    if (!blob) return undefined;
    const parsed = readBlob(blob);
    return parsed.tensors[parsed.header.inputTensor] as TensorEntry;
  }, [blob]);
  const channels = feedState.channels.length || 6;
  const size = input?.shape.reduce((a, b) => a * b, 1) ?? 0;
  const steps = input && input.shape.length === 2 ? input.shape[0] : undefined;
  const ready = state.status === 'ready' && state.info?.modelStatus === 0;
  const actions: ForwarderActions = {
    onStart: (kind, request) => {
      if (kind === 'lines') feed.startLines(session.bytes);
      else if (session.client) feed.startImu(session.client, request, session.bytes);
    },
    onStop: () => void feed.stopSource(),
    onRecord: (label) => feed.record(label),
    onStopRecording: () => feed.stopRecording(),
    onChannels: (names) => feed.setChannels(names),
    onRemove: (i) => feed.remove(i),
    onDownload: () => saveFile({ name: 'recordings.csv', mime: 'text/csv', data: feed.csv() }),
  };
  const runLive = async () => {
    setLiveError(undefined);
    try {
      // The board reads its sensor or runs the model, one at a time (P-19): a stream ends first.
      if (feedState.running === 'imu') await feed.stopSource();
      if (!blob || !session.client) return;
      setLive(await liveTest(session.client, blob, feed.recent(size / channels), state.info));
    } catch (e) {
      if (!isMinnowError(e)) throw e;
      setLiveError(e);
    }
  };
  const windowSteps = Math.round(size / channels);
  const toggleLoop = () => {
    if (looping) return looping.abort();
    const client = session.client;
    if (!blob || !client) return;
    const stop = new AbortController();
    setLooping(stop);
    setLiveError(undefined);
    const run = async () => {
      if (feedState.running) await feed.stopSource();
      await liveLoop(client, blob, request, size / 6, setLive, stop.signal, state.info);
    };
    run()
      .catch((e: unknown) => setLiveError(isMinnowError(e) ? e : undefined))
      .finally(() => setLooping(undefined));
  };
  return (
    <>
      <ForwarderCard
        state={feedState}
        connected={state.port !== undefined && state.status !== 'flashing'}
        minnow={state.info !== undefined}
        request={request}
        onRequest={setRequest}
        actions={actions}
        {...(steps === undefined ? {} : { steps })}
      />
      {blob && input && offerLive && (
        <LiveTestCard
          available={feed.recent(size).length}
          steps={windowSteps}
          disabled={!ready}
          onRun={() => void runLive()}
          count={liveCount}
          {...(size % 6 === 0 ? { loop: { running: looping !== undefined, onToggle: toggleLoop } } : {})}
          {...(live ? { result: live } : {})}
          {...(classNames ? { classNames } : {})}
        />
      )}
      {liveError && <ErrorNote error={liveError} />}
    </>
  );
}
