import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText, openMedia, stopMedia } from './media-errors.ts';

/** The camera as a playing <video>: started on request, stopped on unmount; a refusal is a coded message. */
export function useCamera() {
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = useCallback(async () => {
    try {
      setError(null);
      setStream(await openMedia('camera', navigator.mediaDevices));
    } catch (e) {
      setError(errorText(e));
    }
  }, []);
  const stop = useCallback(() => setStream(null), []);
  useEffect(() => {
    const v = video.current;
    if (v && stream) {
      v.srcObject = stream;
      void v.play().catch(() => undefined);
    }
    return () => stopMedia(stream);
  }, [stream]);
  return { video, on: stream !== null, error, start, stop };
}
