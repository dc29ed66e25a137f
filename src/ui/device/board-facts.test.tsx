import { renderToStaticMarkup } from 'react-dom/server';
import { MinnowError } from '../../core/errors.ts';
import { describe, expect, it } from 'vitest';
import type { DeviceState } from '../../device/session.ts';
import { SCRIPTED_INFO } from '../../device/testing/scripted-firmware.ts';
import { placeholderBuild } from '../../device/testing/placeholder-firmware.ts';
import { describePort } from '../../device/usb-bridges.ts';
import { FlashSection } from './FlashSection.tsx';
import { InfoCard } from './InfoCard.tsx';
import { PortSection } from './PortSection.tsx';

const idle: DeviceState = { status: 'idle', suggestedMode: 'full', log: '' };
const noop = () => undefined;

describe('the Board tab names ports, consoles and firmware', () => {
  it('tells an ESP32-S2 user to pick the USB-to-UART bridge before connecting', () => {
    const html = renderToStaticMarkup(
      <PortSection state={idle} chipId="esp32s2" onConnect={noop} onDisconnect={noop} />,
    );
    expect(html).toContain('ESP32-S2: it has no USB-Serial-JTAG.');
    expect(html).toContain('CP210x');
  });

  it('tells an ESP32-C6 user about "USB JTAG/serial debug unit", and warns on a native port for an ESP32', () => {
    const c6 = renderToStaticMarkup(
      <PortSection state={idle} chipId="esp32c6" onConnect={noop} onDisconnect={noop} />,
    );
    expect(c6).toContain('&quot;USB JTAG/serial debug unit&quot;');
    const port = describePort({ usbVendorId: 0x303a, usbProductId: 0x1001 });
    const esp32 = renderToStaticMarkup(
      <PortSection
        state={{ ...idle, status: 'ready', port }}
        chipId="esp32"
        onConnect={noop}
        onDisconnect={noop}
      />,
    );
    expect(esp32).toContain('choose the bridge&#x27;s port instead');
  });

  it('shows the console, flavour and clock the board reports beside the catalog clock', () => {
    const html = renderToStaticMarkup(
      <InfoCard info={{ ...SCRIPTED_INFO, chip: 'esp32c3' }} onRefresh={noop} />,
    );
    expect(html).toContain('the chip’s USB-Serial-JTAG');
    expect(html).toContain(', esp-idf');
    expect(html).toContain(`${SCRIPTED_INFO.cpuMhz} MHz (catalog 160 MHz)`);
  });

  it('offers to reflash a board that runs another firmware version than this app ships', () => {
    const { manifest } = placeholderBuild(['esp32c3']);
    const info = { ...SCRIPTED_INFO, chip: 'esp32c3', firmwareVersion: '0.0.9' };
    const props = { chipId: 'esp32c3', manifest, firmwareBase: 'firmware/', onFlash: noop, onCancel: noop };
    const html = renderToStaticMarkup(<FlashSection state={{ ...idle, status: 'ready', info }} {...props} />);
    expect(html).toContain('E544');
    expect(html).toContain('The board runs firmware v0.0.9 (esp-idf), not firmware v0.1.0 (esp-idf)');
    expect(html).toContain('Reflash the firmware');
    const same = renderToStaticMarkup(
      <FlashSection
        state={{ ...idle, status: 'ready', info: { ...info, firmwareVersion: '0.1.0' } }}
        {...props}
      />,
    );
    expect(same).not.toContain('Reflash the firmware');
  });

  it('offers an own build when the chip has builds but none for the board’s revision', () => {
    const { manifest } = placeholderBuild(['esp32c3']);
    const error = new MinnowError('NO_BUILD_FOR_REVISION', {
      chip: 'ESP32-C3',
      revision: 'v1.0',
      ranges: 'v3.0 and later',
    });
    const props = { chipId: 'esp32c3', manifest, firmwareBase: 'firmware/', onFlash: noop, onCancel: noop };
    const html = renderToStaticMarkup(
      <FlashSection state={{ ...idle, status: 'ready', error }} {...props} />,
    );
    expect(html).toContain('Use my own firmware build');
    expect(html).not.toContain('has no firmware build');
    expect(
      renderToStaticMarkup(<FlashSection state={{ ...idle, status: 'ready' }} {...props} />),
    ).not.toContain('Use my own firmware build');
  });
});
