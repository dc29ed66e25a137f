import { isMinnowError, MinnowError } from '../core/errors.ts';
import type { Region } from './flash-plan.ts';
import { isTransferError, RETRY_ADVICE } from './transfer-errors.ts';

/** What the flasher was doing when something went wrong, to word the message and the way back. */
export interface FailureContext {
  /** "connecting to the bootloader", "writing model", … */
  readonly activity: string;
  /** Regions whose write had started when it failed. */
  readonly touched: readonly Region[];
  /** The port reported the device gone (its disconnect event, or a read that failed). */
  readonly lost?: boolean;
  /** The region whose write was requested and not yet verified: the one that may be partly erased. */
  readonly writing?: Region | undefined;
}

/** A way on that the UI offers as a button beside the error. */
export type OfferedAction = 'flash-everything';

/** The action an error calls for: the firmware on the board needs writing again ("Flash everything"). */
export function offeredAction(error: MinnowError | undefined): OfferedAction | undefined {
  return error?.id === 'FIRMWARE_INCOMPLETE' ? 'flash-everything' : undefined;
}

/** Thrown from the progress callback to stop esptool-js between two blocks. */
export class CancelledFlash extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledFlash';
  }
}

/** How the board is left, and what brings it back (UNPLUGGED and FLASH_CANCELLED hints). */
export function recovery(touched: readonly Region[]): string {
  if (touched.length === 0) return 'Nothing was written: the board is unchanged.';
  if (touched.every((r) => r.role === 'model')) {
    return (
      'Only the model partition was being written, so the bootloader and the firmware are intact: the board still ' +
      'boots, and reports that it has no valid model until you flash the model again.'
    );
  }
  return (
    'The firmware may be incomplete, so the board may not start until it is flashed again. Flash the full firmware ' +
    'again: an interrupted write cannot damage the ROM bootloader, so this always works (hold BOOT while plugging ' +
    'the board in if it does not connect).'
  );
}

const nameOf = (e: unknown) => (e instanceof Error || e instanceof DOMException ? e.name : '');
const messageOf = (e: unknown) => (e instanceof Error || e instanceof DOMException ? e.message : String(e));

/**
 * Turns what Web Serial and esptool-js throw into the coded errors of the catalog, each with its fix. Chromium
 * reports a port held by another program as NetworkError "Failed to open serial port".
 */
export function explainFailure(e: unknown, context: FailureContext): MinnowError {
  // Regions verified before the one in progress are complete: only that one may be partly written.
  const left = recovery(context.writing ? [context.writing] : context.touched);
  if (e instanceof CancelledFlash) {
    return new MinnowError('FLASH_CANCELLED', { activity: context.activity, recovery: left });
  }
  if (isMinnowError(e)) return e;
  const name = nameOf(e);
  const message = messageOf(e);
  const detail = message.split('\n')[0]?.trim() || name || 'unknown error';
  if (context.lost || /device has been lost|device was disconnected/i.test(message)) {
    return new MinnowError('UNPLUGGED', { activity: context.activity, recovery: `Plug it back in. ${left}` });
  }
  const writing = context.writing;
  if (writing) {
    return new MinnowError('WRITE_FAILED', {
      region: writing.name,
      address: `0x${writing.address.toString(16)}`,
      detail,
      recovery: left,
      advice: isTransferError(e)
        ? RETRY_ADVICE
        : 'Flash again; if it repeats, unplug and replug the board, and choose a lower baud rate.',
    });
  }
  if (name === 'NotFoundError') return new MinnowError('NO_PORT_CHOSEN');
  if (name === 'SecurityError' || name === 'NotAllowedError')
    return new MinnowError('PORT_DENIED', { detail });
  if ((name === 'NetworkError' && /open/i.test(message)) || /already open/i.test(message)) {
    return new MinnowError('PORT_BUSY', { detail });
  }
  if (/Failed to connect|Wrong boot mode|no sync reply/i.test(message))
    return new MinnowError('NO_SYNC', { detail });
  if (isTransferError(e)) {
    return new MinnowError('TRANSFER_FAILED', { activity: context.activity, detail, recovery: left });
  }
  if (/MD5 of file does not match/i.test(message)) {
    return new MinnowError('VERIFY_FAILED', { file: context.touched.at(-1)?.name ?? 'the last file' });
  }
  return new MinnowError('FLASH_FAILED', { detail: `${detail} (while ${context.activity})` });
}
