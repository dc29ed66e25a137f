import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseManifestJson } from '../../core/firmware/manifest.ts';
import type { FlashReport } from '../../device/flasher.ts';
import type { DeviceState } from '../../device/session-state.ts';
import { BARE_METAL_CHECKLIST, markdownSection } from './board-checklist.ts';
import { FlashSection } from './FlashSection.tsx';

const manifest = parseManifestJson(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'firmware', 'manifest.json'), 'utf8'),
);
const flashed: FlashReport = { chip: 'esp32c3', description: 'ESP32-C3', written: [], skipped: [] };
const after = (report: FlashReport): DeviceState => ({
  status: 'ready',
  suggestedMode: 'full',
  log: '',
  lastFlash: report,
});
const render = (state: DeviceState, chipId: string) =>
  renderToStaticMarkup(
    <FlashSection
      state={state}
      chipId={chipId}
      manifest={manifest}
      firmwareBase="firmware/"
      onFlash={() => undefined}
      onCancel={() => undefined}
    />,
  );

describe('the real-board checklist on the Board tab', () => {
  it('is the section of docs/BARE-METAL.md, heading to heading', () => {
    expect(markdownSection('# A\n## One\nx\ny\n## Two\nz', 'One')).toBe('x\ny');
    expect(markdownSection('## One\nx', 'Three')).toBe('');
    expect(BARE_METAL_CHECKLIST).toContain('303a:1001');
    expect(BARE_METAL_CHECKLIST).not.toContain('## ');
  });

  it('opens when a bare-metal board has not answered after a flash, and not when it has', () => {
    const silent = render(after(flashed), 'esp32c3');
    expect(silent).toContain('The board has not answered since the flash: what a real ESP32-C3 should show');
    expect(silent).toContain('303a:1001');
    const info = { chip: 'esp32c3' } as FlashReport['info'];
    expect(render(after({ ...flashed, info }), 'esp32c3')).not.toContain('has not answered');
    // A chip this Minnow has no bare-metal build for has no such checklist.
    expect(render(after(flashed), 'esp32s3')).not.toContain('has not answered');
  });
});
