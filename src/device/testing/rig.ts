import type { MinnowError } from '../../core/errors.ts';
import { flashBoard, type FlashRequest } from '../flasher.ts';
import type { SerialLike, SerialPortLike } from '../serial-types.ts';
import { manifestFirmware, type FirmwareFor } from '../firmware-image.ts';
import { EmulatedBoard, type BoardOptions } from './board.ts';
import { FakeSerialPort, type FakePortOptions } from './fake-serial-port.ts';
import { placeholderBuild } from './placeholder-firmware.ts';
import { scriptedFirmware } from './scripted-firmware.ts';

/** An emulated board with placeholder firmware in its manifest, and ports plugged into it. */
export function createRig(options: BoardOptions = {}) {
  const board = new EmulatedBoard({ firmware: scriptedFirmware(), ...options });
  const build = placeholderBuild([board.chip.id]);
  const firmwareFor: FirmwareFor = manifestFirmware(build.manifest, build.fetchFile);
  /** A port object, as navigator.serial hands out: a new one after the board was unplugged. */
  const port = (portOptions: FakePortOptions = {}) => new FakeSerialPort(board, portOptions);
  /** Puts the firmware files (and a model) straight into flash: a board flashed earlier. */
  const preflash = (blob?: Uint8Array, modelAt = 0x100000) => {
    for (const file of build.manifest.builds[0]?.files ?? []) {
      board.flash.write(file.offset, build.files.get(file.path) as Uint8Array);
    }
    if (blob) board.flash.write(modelAt, blob);
    board.plugIn();
  };
  return { board, build, firmwareFor, port, preflash };
}

/** navigator.serial whose picker always returns the next port of `ports` (or throws NotFoundError, as on cancel). */
export function fakeSerial(ports: () => SerialPortLike | undefined): SerialLike {
  return {
    requestPort: async () => {
      const port = ports();
      if (!port) throw new DOMException('No port selected by the user.', 'NotFoundError');
      return port;
    },
    getPorts: async () => [],
  };
}

/** The coded error a flash ends with; a flash that succeeds fails the test. */
export async function flashFailure(request: FlashRequest): Promise<MinnowError> {
  try {
    await flashBoard(request);
  } catch (e) {
    return e as MinnowError;
  }
  throw new Error('the flash succeeded');
}
