import { readBlob } from '../core/blob/reader.ts';
import { ERRORS, MinnowError, type ErrorDef } from '../core/errors.ts';
import type { BoardInfo } from '../core/protocol/index.ts';
import { BoardClient } from './board-client.ts';
import { waitForInfo } from './board-info.ts';
import { firmwareDifference } from './firmware-check.ts';
import type { FirmwareImage } from './firmware-image.ts';
import { SerialChannel } from './serial-channel.ts';
import type { SerialPortLike } from './serial-types.ts';

export function statusName(code: number): string {
  const entry = Object.entries(ERRORS as Record<string, ErrorDef>).find(([, d]) => d.code === code);
  return entry ? `E${code} ${entry[0]}` : `E${code}`;
}

/**
 * After a flash: the board has restarted into its firmware; its `info` must name the blob just written (same
 * CRC). A model whose arena does not fit (506) was written correctly: the info card shows why it cannot run.
 */
export function checkFlashedModel(info: BoardInfo, blob: Uint8Array): void {
  const crc = readBlob(blob).header.crc;
  const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;
  if (!info.model) {
    throw new MinnowError('MODEL_NOT_CONFIRMED', {
      detail: `it reports no valid model (${statusName(info.modelStatus)}).`,
    });
  }
  if (info.model.crc !== crc) {
    throw new MinnowError('MODEL_NOT_CONFIRMED', {
      detail: `it runs a model with CRC ${hex(info.model.crc)} instead of ${hex(crc)}.`,
    });
  }
}

/**
 * Opens the console, waits for `info` and checks it against the blob and, after installing a shipped build,
 * against that build's firmware version and flavour; the port is closed again.
 */
export async function confirmOnBoard(
  port: SerialPortLike,
  blob: Uint8Array,
  image?: FirmwareImage,
  totalMs = 5000,
): Promise<BoardInfo> {
  const channel = await SerialChannel.open(port);
  const client = new BoardClient(channel);
  try {
    const info = await waitForInfo(client, totalMs);
    if (image?.source === 'manifest') {
      const differs = firmwareDifference(info, {
        ...(image.version ? { version: image.version } : {}),
        ...(image.flavour ? { flavour: image.flavour } : {}),
      });
      if (differs) throw differs;
    }
    checkFlashedModel(info, blob);
    return info;
  } finally {
    client.dispose();
    await channel.close();
  }
}
