import { PARTITION_TABLE_BYTES, PARTITION_TABLE_OFFSET } from '../core/blob/partition-table.ts';
import { isMinnowError, MinnowError } from '../core/errors.ts';
import type { EspLink } from './esp-link.ts';
import type { FirmwareImage } from './firmware-image.ts';
import { md5Hex, padded, type ModelPartition } from './flash-plan.ts';
import { findModelPartition, readPartitionTable } from './partition-read.ts';
import { formatHex } from '../core/units.ts';
const READ_ATTEMPTS = 3;

/**
 * Reads flash through the stub and checks the bytes against the stub's own MD5 of the region: esptool-js 0.7
 * ignores the digest READ_FLASH ends with, so a garbled packet would otherwise pass as the board's content.
 * A read that keeps differing is a transfer error, never the board's content.
 */
export async function readChecked(link: EspLink, address: number, size: number): Promise<Uint8Array> {
  for (let attempt = 1; ; attempt++) {
    // Both the bytes and the digest cross the wire: either may be the garbled one, so both are asked again.
    const expected = await link.md5(address, size);
    const bytes = await link.read(address, size);
    if (bytes.length === size && md5Hex(bytes) === expected) return bytes;
    if (attempt === READ_ATTEMPTS) {
      throw new MinnowError('TRANSFER_FAILED', {
        activity: `reading ${size} bytes at ${formatHex(address)} (${READ_ATTEMPTS} reads, none matched the board's MD5)`,
        detail: 'the data arrived garbled',
        recovery: 'Nothing was written: the board is unchanged.',
      });
    }
  }
}

/** Model-only mode without a build to compare: the model partition as the board's own table declares it. */
export async function boardModelPartition(link: EspLink): Promise<ModelPartition> {
  const bytes = await readChecked(link, PARTITION_TABLE_OFFSET, PARTITION_TABLE_BYTES);
  let rows;
  try {
    rows = readPartitionTable(bytes);
  } catch (e) {
    // The bytes are what the board holds (MD5-checked): its table is damaged, not the build's file.
    if (!isMinnowError(e)) throw e;
    throw new MinnowError('FIRMWARE_INCOMPLETE', {
      detail: `its partition table at ${formatHex(PARTITION_TABLE_OFFSET)} is not valid (${e.message})`,
    });
  }
  const model = findModelPartition(rows);
  if (!model) throw new MinnowError('NO_MODEL_PARTITION');
  return model;
}

/**
 * Before a model-only write: each firmware region on the board (bootloader, table, app or image) must hold the
 * build's bytes, by the stub's SPI_FLASH_MD5 (milliseconds a region). An interrupted full flash, or another
 * firmware, leaves a board that a model update cannot make work: that needs the full flash.
 */
export async function checkFirmwareOnBoard(link: EspLink, image: FirmwareImage): Promise<void> {
  const differing: string[] = [];
  for (const file of image.files) {
    const bytes = padded(file.data);
    const same = async () => (await link.md5(file.offset, bytes.length)) === md5Hex(bytes);
    // A differing digest is asked once more: a garbled reply must not pass for a damaged board.
    if (!(await same()) && !(await same())) differing.push(`${file.name} at ${formatHex(file.offset)}`);
  }
  if (differing.length === 0) return;
  throw new MinnowError('FIRMWARE_INCOMPLETE', {
    detail: `${differing.join(', ')} ${differing.length === 1 ? 'differs' : 'differ'} from the ${image.source === 'user' ? 'build you picked' : `shipped build${image.version ? ` v${image.version}` : ''}`}`,
  });
}
