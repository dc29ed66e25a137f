import { chipLabel } from './chip-names.ts';
import { formatHex } from '../core/units.ts';

export interface CommandFile {
  readonly address: number;
  /** File name as the user saves it next to the command. */
  readonly name: string;
}

/**
 * The esptool.py line that writes the same files the app would (FACTS §B.5 settings kept as built). PORT stands
 * for the board's port: COM3 on Windows, /dev/ttyUSB0 or /dev/ttyACM0 on Linux, /dev/cu.usbserial-… on macOS.
 */
export function esptoolCommand(chip: string, files: readonly CommandFile[], baud = 460800): string {
  const args = [...files]
    .sort((a, b) => a.address - b.address)
    .flatMap((f) => [formatHex(f.address), quote(f.name)]);
  return [
    'esptool.py',
    `--chip ${chip.split('-', 1)[0]}`,
    '-p PORT',
    `-b ${baud}`,
    '--before default_reset --after hard_reset',
    'write_flash --flash_mode keep --flash_freq keep --flash_size keep',
    ...args,
  ].join(' ');
}

function quote(name: string): string {
  return /^[\w./-]+$/.test(name) ? name : `"${name.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** A sentence to show above the command. */
export function commandNote(chip: string, modelOnly: boolean): string {
  const what = modelOnly
    ? 'writes only the model partition; the board must already run the Minnow firmware'
    : 'writes the Minnow firmware and the model';
  return `For an ${chipLabel(chip)} board: it ${what}. Replace PORT with the board's serial port. Install esptool with "pip install esptool".`;
}
