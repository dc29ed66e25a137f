import { useState, useSyncExternalStore } from 'react';
import { DeviceSession, type DeviceState } from '../../device/session.ts';
import type { SerialLike } from '../../device/serial-types.ts';

/** One DeviceSession per mounted panel, and its state as React state. */
export function useDeviceSession(serial: SerialLike): [DeviceSession, DeviceState] {
  const [session] = useState(() => new DeviceSession(serial));
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState);
  return [session, state];
}
