import type { BackendInfo } from '../../train/backend.ts';

const NAMES = { webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU (JavaScript)' } as const;

/** Which tfjs backend trains, and why the faster ones were passed over. */
export function BackendBadge({ backend }: { backend: BackendInfo | null }) {
  if (!backend) return <span className="badge">Starting the trainer…</span>;
  const skipped = backend.skipped.map((s) => `${NAMES[s.name]}: ${s.reason}`).join('\n');
  return (
    <span
      className="badge"
      data-testid="train-backend"
      data-backend={backend.name}
      title={skipped || undefined}
    >
      Trains on {NAMES[backend.name]}
      {backend.device ? ` · ${backend.device}` : ''}
      {skipped ? ' ⓘ' : ''}
    </span>
  );
}
