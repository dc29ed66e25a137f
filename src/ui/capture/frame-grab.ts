import { centreSquare, cropScale } from '../../core/capture/crop.ts';

/**
 * The current video frame's centre square at the model's height and width (RGB bytes), or null before the
 * camera delivers a frame. The frame is read at its full size and scaled by core/capture (not by the
 * canvas), so the pixels do not depend on the browser's resampling.
 */
export function grabFrame(
  video: HTMLVideoElement,
  canvas: OffscreenCanvas,
  h: number,
  w: number,
): Uint8Array | null {
  const { videoWidth: vw, videoHeight: vh } = video;
  if (video.readyState < 2 || vw === 0 || vh === 0) return null;
  if (canvas.width !== vw || canvas.height !== vh) [canvas.width, canvas.height] = [vw, vh];
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, vw, vh);
  return cropScale(context.getImageData(0, 0, vw, vh).data, vw, centreSquare(vw, vh), w, h);
}
