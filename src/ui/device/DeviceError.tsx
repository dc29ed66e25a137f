import type { MinnowError } from '../../core/errors.ts';

/** A device error in plain language, with its fix. */
export function DeviceError({ error }: { error: MinnowError }) {
  return (
    <div className="problem device-error" role="alert">
      <p>
        <strong>E{error.code}</strong> {error.message}
      </p>
      <p>
        <strong>Fix:</strong> {error.hint}
      </p>
    </div>
  );
}
