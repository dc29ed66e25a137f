import { MinnowError, isMinnowError } from '../../core/errors.ts';

export type Device = 'camera' | 'microphone';

/**
 * What getUserMedia's refusal means, as a coded error (docs/DATA.md D-11): the DOMException names are the
 * Media Capture spec's. Nothing recorded is touched: the caller only fails to start.
 */
export function mediaError(e: unknown, device: Device): MinnowError {
  if (isMinnowError(e)) return e;
  const name = e instanceof Error ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return new MinnowError('CAPTURE_PERMISSION', { device });
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return new MinnowError('CAPTURE_NO_DEVICE', { device });
  const detail = e instanceof Error ? e.message || e.name : String(e);
  return new MinnowError('CAPTURE_DEVICE_FAILED', { device, detail: detail || 'no reason given' });
}

/** Opens the camera or the microphone, or throws the coded error that says why not. */
export async function openMedia(device: Device, media: MediaDevices | undefined): Promise<MediaStream> {
  if (!media?.getUserMedia) throw new MinnowError('CAPTURE_UNSUPPORTED', { device });
  try {
    return await media.getUserMedia(
      device === 'camera'
        ? { video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false }
        : {
            audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
            video: false,
          },
    );
  } catch (e) {
    throw mediaError(e, device);
  }
}

export function stopMedia(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}

/** One line for the page: "E700 … — hint". */
export function errorText(e: unknown): string {
  return isMinnowError(e) ? `E${e.code} ${e.message} ${e.hint}` : String(e instanceof Error ? e.message : e);
}
