import type { DeviceState } from '../../device/session.ts';

/** Connect / disconnect, and what the port is: USB ids, bridge chip and its driver hint. */
export function PortSection(props: { state: DeviceState; onConnect: () => void; onDisconnect: () => void }) {
  const { state, onConnect, onDisconnect } = props;
  const busy = state.status !== 'idle' && state.status !== 'ready';
  return (
    <div className="device-port">
      <div className="device-row">
        <button type="button" className="primary" onClick={onConnect} disabled={busy}>
          {state.port ? 'Choose another port' : 'Connect a board'}
        </button>
        {state.port && (
          <button type="button" onClick={onDisconnect} disabled={busy}>
            Disconnect
          </button>
        )}
        {state.status === 'connecting' && <span className="muted">Connecting…</span>}
      </div>
      {state.port && (
        <dl className="device-facts">
          <dt>USB chip</dt>
          <dd>{state.port.bridge}</dd>
          <dt>VID:PID</dt>
          <dd className="mono">{state.port.ids}</dd>
          <dt>Driver</dt>
          <dd>{state.port.driverHint}</dd>
        </dl>
      )}
    </div>
  );
}
