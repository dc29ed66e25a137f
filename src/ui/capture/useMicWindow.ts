import { useCallback, useEffect, useState } from 'react';
import { int16ToInput, LiveWindow } from '../../core/capture/clip.ts';
import { errorText } from './media-errors.ts';
import { MicStream } from './mic-stream.ts';

interface Listening {
  readonly mic: MicStream;
  readonly live: LiveWindow;
}

/**
 * The microphone's last clip-length of audio, made into a clip exactly as a recording is (D-12), on request:
 * started and stopped by the page, closed on unmount; a refusal is a coded message.
 */
export function useMicWindow(length: number) {
  const [listening, setListening] = useState<Listening | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!listening) return;
    const { mic, live } = listening;
    const unlisten = mic.listen((block) => live.push(block));
    return () => {
      unlisten();
      mic.close();
    };
  }, [listening]);
  const start = useCallback(
    () =>
      MicStream.open().then(
        (mic) => (setError(null), setListening({ mic, live: new LiveWindow(mic.rate, length) })),
        (e: unknown) => setError(errorText(e)),
      ),
    [length],
  );
  const stop = useCallback(() => setListening(null), []);
  /** The model input of the last clip, or null until a whole clip has been heard. */
  const take = useCallback(
    () => (listening?.live.full ? int16ToInput(listening.live.clip()) : null),
    [listening],
  );
  return { on: listening !== null, error, start, stop, take };
}
