/**
 * A page with only the device panel, for the flashing e2e: the MNIST MLP compiled with seeded weights ("train"
 * and "retrain" pick two seeds), firmware from the bridge's /firmware/. `?bridge=<ws url>` installs the fake
 * navigator.serial here (for manual runs); the e2e injects it with page.addInitScript instead. The blob in use
 * is kept on window.minnowBlob for the test to compare with the emulated flash. `?chip=<id>` sets the project's
 * chip (default esp32c3), and `?builds=none` drops the manifest's builds, as for a chip Minnow ships none for.
 */
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { parseManifest, type FirmwareManifest } from '../../src/core/firmware/manifest.ts';
import { compileExample } from '../../src/device/testing/example-blob.ts';
import { DevicePanel } from '../../src/ui/device/DevicePanel.tsx';
import '../../src/ui/styles/index.css';
import { installFakeSerial } from './page-serial.ts';

declare global {
  interface Window {
    minnowBlob?: number[];
    minnowBridge?: { url: string };
  }
}

const params = new URLSearchParams(location.search);
const socket = params.get('bridge');
if (socket) installFakeSerial({ url: socket });
const bridgeUrl = (window.minnowBridge?.url ?? socket ?? '').replace(/^ws/, 'http').replace(/serial$/, '');
const chipId = params.get('chip') ?? 'esp32c3';
const noBuilds = params.get('builds') === 'none';

function Page() {
  const [seed, setSeed] = useState(1);
  const [manifest, setManifest] = useState<FirmwareManifest>();
  const compiled = useMemo(() => compileExample(seed), [seed]);
  useEffect(() => {
    window.minnowBlob = [...compiled.blob];
  }, [compiled]);
  useEffect(() => {
    void fetch(`${bridgeUrl}firmware/manifest.json`)
      .then((r) => r.json())
      .then((raw: unknown) => parseManifest(raw))
      .then((m) => setManifest(noBuilds ? { ...m, builds: [] } : m));
  }, []);
  const samples = useMemo(() => compiled.samples.map((values) => ({ values })), [compiled]);
  return (
    <main style={{ maxWidth: 900, margin: '16px auto' }}>
      <label>
        Weights{' '}
        <select data-testid="weights" value={seed} onChange={(e) => setSeed(Number(e.target.value))}>
          <option value={1}>trained (seed 1)</option>
          <option value={2}>retrained (seed 2)</option>
        </select>
      </label>
      {manifest && (
        <DevicePanel
          blob={compiled.blob}
          chipId={chipId}
          manifest={manifest}
          firmwareBase={`${bridgeUrl}firmware/`}
          samples={samples}
        />
      )}
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
createRoot(root).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
