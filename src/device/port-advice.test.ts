import { describe, expect, it } from 'vitest';
import { consoleName, portAdvice, portWarning } from './port-advice.ts';
import { describePort } from './usb-bridges.ts';

describe('which port to pick for each chip', () => {
  it.each(['esp32s3', 'esp32c3', 'esp32c6', 'esp32h2', 'esp32p4', 'esp32s3-r8'])(
    '%s: the chip’s USB-Serial-JTAG, or the bridge on boards that have one',
    (chip) => {
      expect(portAdvice(chip)).toMatch(/"USB JTAG\/serial debug unit".*bridge/);
    },
  );

  it('ESP32-S2: no USB-Serial-JTAG, the bridge', () => {
    expect(portAdvice('esp32s2')).toMatch(
      /^ESP32-S2: it has no USB-Serial-JTAG\. Pick the board’s USB-to-UART/,
    );
    expect(portAdvice('esp32s2')).not.toMatch(/JTAG\/serial debug unit/);
  });

  it('ESP32: the bridge', () => {
    expect(portAdvice('esp32')).toMatch(
      /no native USB\. Pick the board’s USB-to-UART bridge \(Silicon Labs CP210x/,
    );
  });

  it('warns about a native USB port on an ESP32-S2 or ESP32 only', () => {
    const jtag = describePort({ usbVendorId: 0x303a, usbProductId: 0x1001 });
    const otg = describePort({ usbVendorId: 0x303a, usbProductId: 0x0002 });
    const cp210x = describePort({ usbVendorId: 0x10c4, usbProductId: 0xea60 });
    expect(portWarning('esp32s2', otg)).toMatch(/choose the bridge's port/);
    expect(portWarning('esp32', jtag)).toMatch(/ESP32 boards answer on UART0/);
    expect(portWarning('esp32s2', cp210x)).toBeUndefined();
    expect(portWarning('esp32c3', jtag)).toBeUndefined();
  });

  it('names the console the board reports', () => {
    expect(consoleName('usb-serial-jtag')).toBe('the chip’s USB-Serial-JTAG');
    expect(consoleName('uart0')).toMatch(/^UART0/);
    expect(consoleName('')).toMatch(/not reported/);
    expect(consoleName('spi<script>')).toBe('"spi<script>"');
  });
});
