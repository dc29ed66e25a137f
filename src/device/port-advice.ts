import { chipLabel, firmwareChip } from './chip-names.ts';
import type { PortDescription } from './usb-bridges.ts';

/**
 * Chips with a USB-Serial-JTAG peripheral (SOC_USB_SERIAL_JTAG_SUPPORTED in ESP-IDF v5.5.1
 * components/soc/<chip>/include/soc/soc_caps.h): ESP32-S3, C3, C6, H2 and P4. The ESP32 has no native USB, and
 * the ESP32-S2 only USB-OTG.
 */
const USB_SERIAL_JTAG = new Set(['esp32s3', 'esp32c3', 'esp32c6', 'esp32h2', 'esp32p4']);
const BRIDGES = 'the board’s USB-to-UART bridge (Silicon Labs CP210x, WCH CH340 / CH9102, FTDI)';

/** Which serial port to pick for the chip, before connecting. */
export function portAdvice(chipId: string): string {
  const chip = firmwareChip(chipId);
  const name = chipLabel(chip);
  if (USB_SERIAL_JTAG.has(chip)) {
    return (
      `${name}: pick "USB JTAG/serial debug unit" (VID 0x303a, PID 0x1001) when the board’s USB socket is wired ` +
      `to the chip itself; on a board with a USB-to-UART bridge, pick the bridge (CP210x, CH340, CH9102, FTDI). ` +
      `If the board has two USB sockets, either works.`
    );
  }
  if (chip === 'esp32s2') {
    return (
      `${name}: it has no USB-Serial-JTAG. Pick ${BRIDGES}; the Minnow console answers on UART0, which only ` +
      `the bridge reaches. Its native USB (USB-OTG) port is not the Minnow console.`
    );
  }
  if (chip === 'esp32') return `${name}: it has no native USB. Pick ${BRIDGES}.`;
  return `${name}: pick the board’s USB serial port.`;
}

/** A warning when the chosen port cannot be the chip's console: the chip's own USB on a chip without JTAG. */
export function portWarning(chipId: string, port: PortDescription): string | undefined {
  const chip = firmwareChip(chipId);
  if (!port.nativeUsb || USB_SERIAL_JTAG.has(chip)) return undefined;
  if (chip !== 'esp32' && chip !== 'esp32s2') return undefined;
  return (
    `This is an Espressif native USB port, but ${chipLabel(chip)} boards answer on UART0 through a USB-to-UART ` +
    `bridge: choose the bridge's port instead.`
  );
}

const CONSOLES: Record<string, string> = {
  uart0: 'UART0 (through the board’s USB-to-UART bridge)',
  'usb-serial-jtag': 'the chip’s USB-Serial-JTAG',
  stdio: 'standard input/output (virtual board)',
};

/** The console a board says it answers on (BoardInfo.console), in words. */
export function consoleName(console: string): string {
  return CONSOLES[console] ?? (console ? `"${console}"` : 'not reported (firmware older than this app)');
}
