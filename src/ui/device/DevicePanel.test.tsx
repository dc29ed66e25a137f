import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { compileExample } from '../../device/testing/example-blob.ts';
import { HEADER_FILE, MODEL_FILE } from '../../device/downloads.ts';
import { placeholderBuild } from '../../device/testing/placeholder-firmware.ts';
import { DevicePanel } from './DevicePanel.tsx';

const blob = compileExample(1).blob;

describe('DevicePanel', () => {
  it('without Web Serial offers the downloads and the esptool.py command with the firmware files', () => {
    const { manifest } = placeholderBuild(['esp32c3']);
    const html = renderToStaticMarkup(
      <DevicePanel blob={blob} chipId="esp32c3" manifest={manifest} serial={null} />,
    );
    expect(html).toContain('E520</strong> This browser cannot open serial ports (it has no Web Serial).');
    expect(html).toContain('model_data.h');
    expect(html).toContain('ESP-IDF project with the model');
    expect(html).toContain(
      'esptool.py --chip esp32c3 -p PORT -b 460800 --before default_reset --after hard_reset write_flash --flash_mode keep --flash_freq keep --flash_size keep 0x0 bootloader.bin 0x8000 partition-table.bin 0x10000 minnow.bin 0x100000 model.bin',
    );
  });

  it('says plainly when the build has no firmware for the chip, and offers the two ways on', () => {
    const { manifest } = placeholderBuild(['esp32c3']);
    const serial = { requestPort: () => Promise.reject(new Error('unused')), getPorts: async () => [] };
    const html = renderToStaticMarkup(
      <DevicePanel blob={blob} chipId="esp32s3" manifest={manifest} serial={serial} />,
    );
    expect(html).toContain('This Minnow has no firmware build for ESP32-S3.');
    expect(html).toContain('Use my own firmware build');
    expect(html).toContain('Model only');
  });

  it('with Web Serial offers every export too, under the same file names as the command', () => {
    const { manifest } = placeholderBuild(['esp32c3']);
    const serial = { requestPort: () => Promise.reject(new Error('unused')), getPorts: async () => [] };
    const html = renderToStaticMarkup(
      <DevicePanel blob={blob} chipId="esp32c3" manifest={manifest} serial={serial} />,
    );
    expect(html).not.toContain('E520');
    expect(html).toContain(`Model blob (${MODEL_FILE})`);
    expect(html).toContain(`>${HEADER_FILE}<`);
    expect(html).toContain('ESP-IDF project with the model');
    expect(html).toContain(`0x100000 ${MODEL_FILE}</pre>`);
  });
});
