import type { SerialPortInfoLike } from './serial-types.ts';

/** What the app can tell from a port's USB ids: the USB-serial chip on the board and whether it needs a driver. */
export interface PortDescription {
  readonly vid?: number;
  readonly pid?: number;
  /** "0x10c4:0xea60", or "no USB ids" for a port the browser reports none for. */
  readonly ids: string;
  readonly bridge: string;
  readonly driverHint: string;
  /** The chip's own USB-Serial-JTAG or USB-OTG port: no bridge chip, no driver. */
  readonly nativeUsb: boolean;
}

interface Bridge {
  readonly vid: number;
  readonly pids?: readonly number[];
  readonly name: string;
  readonly hint: string;
  readonly native?: boolean;
}

const WCH =
  'Windows 10 and later and Linux include a driver; on macOS before 10.14 or older Windows, install the WCH CH34x driver.';
const BRIDGES: readonly Bridge[] = [
  {
    vid: 0x303a,
    pids: [0x1001],
    name: 'ESP32 native USB (USB-Serial-JTAG)',
    native: true,
    hint: 'No driver needed. If the port disappears while flashing, it re-enumerates after reset: pick it again.',
  },
  {
    vid: 0x303a,
    name: 'ESP32 native USB (USB-OTG)',
    native: true,
    hint: 'No driver needed. If the board is not detected, hold BOOT while plugging it in.',
  },
  {
    vid: 0x10c4,
    pids: [0xea60, 0xea70],
    name: 'Silicon Labs CP210x',
    hint: 'Linux and macOS include a driver; on Windows, install the "CP210x Universal Windows Driver" from Silicon Labs if the port is missing.',
  },
  { vid: 0x1a86, pids: [0x7523, 0x5523], name: 'WCH CH340', hint: WCH },
  {
    vid: 0x1a86,
    pids: [0x55d4, 0x55d3],
    name: 'WCH CH9102 / CH343',
    hint: 'Install the WCH CH343/CH9102 driver on Windows and macOS if the port is missing; Linux includes one.',
  },
  { vid: 0x1a86, name: 'WCH USB-serial', hint: WCH },
  {
    vid: 0x0403,
    name: 'FTDI',
    hint: 'Most systems include a driver; on Windows, install the FTDI VCP driver if the port is missing.',
  },
];

const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

export function describePort(info: SerialPortInfoLike): PortDescription {
  const { usbVendorId: vid, usbProductId: pid } = info;
  if (vid === undefined) {
    return {
      ids: 'no USB ids',
      bridge: 'not a USB port',
      driverHint: 'Built-in or Bluetooth serial ports cannot flash a board; pick the USB one.',
      nativeUsb: false,
    };
  }
  const ids = `${hex(vid)}:${pid === undefined ? '?' : hex(pid)}`;
  const bridge = BRIDGES.find(
    (b) => b.vid === vid && (!b.pids || (pid !== undefined && b.pids.includes(pid))),
  );
  const base = { vid, ...(pid === undefined ? {} : { pid }), ids };
  if (!bridge) {
    return {
      ...base,
      bridge: 'unknown USB-serial chip',
      driverHint: 'If flashing fails to connect, install the driver for the USB chip named on the board.',
      nativeUsb: false,
    };
  }
  return { ...base, bridge: bridge.name, driverHint: bridge.hint, nativeUsb: bridge.native === true };
}
