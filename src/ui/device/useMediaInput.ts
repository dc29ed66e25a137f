import { useCallback, useRef } from 'react';
import { clipLength } from '../../core/capture/clip.ts';
import type { CaptureKind } from '../../core/capture/types.ts';
import { grabFrame } from '../capture/frame-grab.ts';
import { frameInput } from '../capture/inputs.ts';
import { useCamera } from '../capture/useCamera.ts';
import { useMicWindow } from '../capture/useMicWindow.ts';

/**
 * The live input of a camera or microphone model as the capture makes it (D-8, D-9): the camera's centre
 * square at the model's height and width, or the last clip of the microphone at 16 kHz. `take` gives the
 * model's real input now, or null before the device delivers one.
 */
export function useMediaInput(kind: CaptureKind, shape: readonly number[]) {
  const camera = useCamera();
  const mic = useMicWindow(kind === 'sound' ? clipLength(shape) : 0);
  const canvas = useRef<OffscreenCanvas | null>(null);
  const { video } = camera;
  const takeFrame = useCallback(() => {
    const [h = 0, w = 0] = shape;
    canvas.current ??= new OffscreenCanvas(1, 1);
    const rgb = video.current ? grabFrame(video.current, canvas.current, h, w) : null;
    return rgb ? frameInput(rgb, shape) : null;
  }, [video, canvas, shape]);
  if (kind === 'image') return { ...camera, take: takeFrame };
  return { ...mic, video };
}
