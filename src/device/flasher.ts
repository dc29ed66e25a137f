import { readBlob } from '../core/blob/reader.ts';
import type { BoardInfo } from '../core/protocol/index.ts';
import { confirmOnBoard } from './confirm.ts';
import { openBootloader, type EspLink } from './esp-link.ts';
import { CancelledFlash, explainFailure } from './explain.ts';
import type { FirmwareFor, FirmwareImage } from './firmware-image.ts';
import type { FlashMode, Region } from './flash-plan.ts';
import { ProgressTracker, type FlashProgress } from './flash-progress.ts';
import { changedRegions, preflight, regionsFor, writeRegions, type WriteContext } from './flash-steps.ts';
import type { SerialPortLike } from './serial-types.ts';

export interface FlashRequest {
  readonly port: SerialPortLike;
  readonly blob: Uint8Array;
  readonly mode: FlashMode;
  /** The chip the project budgets for; a different board is refused. */
  readonly selectedChip?: string;
  /** The firmware to install on the detected chip; undefined when this build has none (full mode only). */
  readonly firmwareFor?: FirmwareFor;
  /** Compare each region's MD5 on the board first and skip the identical ones (default true). */
  readonly smart?: boolean;
  readonly baudrate?: number;
  /** Restart the board and check that its `info` names the new model (default true). */
  readonly confirm?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: FlashProgress) => void;
  readonly log?: (line: string) => void;
}

export interface FlashReport {
  readonly chip: string;
  readonly description: string;
  readonly written: readonly Region[];
  readonly skipped: readonly Region[];
  readonly info?: BoardInfo;
}

/**
 * Flashes over esptool-js's normal stub path: detect the chip, pick the regions for the mode, skip those the
 * board already holds, write the rest compressed with MD5 verification, restart the board and confirm its
 * `info`. Every failure comes out as a coded MinnowError whose hint says how the board is left.
 */
export async function flashBoard(request: FlashRequest): Promise<FlashReport> {
  const { port, blob, signal } = request;
  const blobVersion = readBlob(blob).header.version;
  const tracker = new ProgressTracker(request.onProgress);
  const context: WriteContext = { activity: 'connecting to the bootloader', touched: [] as Region[] };
  let link: EspLink | undefined;
  // An unplugged board fails at once: esptool-js would only notice after its 3 s read timeout.
  let onDisconnect = () => undefined as void;
  const lost = new Promise<never>((_, reject) => {
    onDisconnect = () => {
      context.lost = true;
      reject(new DOMException('The device has been lost.', 'NetworkError'));
    };
  });
  port.addEventListener?.('disconnect', onDisconnect);
  const work = async (): Promise<FlashReport> => {
    signal?.throwIfAborted();
    const input = { ...request, blobVersion };
    let image: FirmwareImage | undefined;
    link = await openBootloader({
      port,
      baudrate: request.baudrate ?? 921600,
      ...(request.log ? { log: request.log } : {}),
      beforeStub: async (rom) => {
        context.activity = 'checking the firmware for the board';
        image = await preflight(rom, input);
        context.activity = 'connecting to the bootloader';
      },
    });
    const { chip, description } = link;
    signal?.throwIfAborted();
    tracker.setPhase('connecting', chip);
    context.activity = 'reading the board';
    const regions = await regionsFor(link, input, image);
    tracker.setRegions(regions);
    tracker.setPhase('comparing');
    const todo = request.smart === false ? regions : await changedRegions(link, regions, tracker);
    signal?.throwIfAborted();
    tracker.setPhase('writing');
    await writeRegions(link, regions, todo, tracker, context, signal);
    tracker.setPhase('restarting');
    context.activity = 'restarting the board';
    await link.runFirmware();
    await link.close();
    link = undefined;
    tracker.setPhase('confirming');
    context.activity = 'asking the board for its info';
    const shipped = request.mode === 'full' ? image : undefined;
    const info = request.confirm === false ? undefined : await confirmOnBoard(port, blob, shipped);
    tracker.setPhase('done');
    const skipped = regions.filter((r) => !todo.includes(r));
    return { chip, description, written: todo, skipped, ...(info ? { info } : {}) };
  };
  const job = work();
  job.catch(() => undefined);
  try {
    return await Promise.race([job, lost]);
  } catch (e) {
    const error = explainFailure(
      e instanceof DOMException && e.name === 'AbortError' ? new CancelledFlash() : e,
      context,
    );
    const open = link as EspLink | undefined;
    // Leave the board running its firmware rather than the stub, whatever state the write left.
    if (open && !context.lost) await open.runFirmware().catch(() => undefined);
    // esptool-js waits for the streams to unlock before closing, which may never happen on a lost device.
    if (open)
      await Promise.race([open.close().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
    throw error;
  } finally {
    port.removeEventListener?.('disconnect', onDisconnect);
  }
}
