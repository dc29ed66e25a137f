import { portAdvice, portWarning } from '../../device/port-advice.ts';
import type { DeviceState } from '../../device/session.ts';

interface Props {
  readonly state: DeviceState;
  /** The catalog chip the project is set up for: which port to pick depends on it. */
  readonly chipId: string;
  readonly onConnect: () => void;
  readonly onDisconnect: () => void;
}

/** Connect / disconnect, which port to pick for the chip, and what the port is: USB ids, bridge chip, driver. */
export function PortSection({ state, chipId, onConnect, onDisconnect }: Props) {
  const busy = state.status !== 'idle' && state.status !== 'ready';
  const warning = state.port && portWarning(chipId, state.port);
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
      {!state.port && <p className="muted port-advice">{portAdvice(chipId)}</p>}
      {warning && <p className="bad port-warning">{warning}</p>}
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
