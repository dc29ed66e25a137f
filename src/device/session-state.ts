import type { MinnowError } from '../core/errors.ts';
import type { BoardInfo } from '../core/protocol/index.ts';
import type { GenerateOutcome, RunOutcome } from './board-commands.ts';
import type { FlashMode } from './flash-plan.ts';
import type { FlashProgress } from './flash-progress.ts';
import type { FlashReport } from './flasher.ts';
import type { PortDescription } from './usb-bridges.ts';
import type { ValidationReport } from './validate.ts';

export type DeviceStatus =
  'idle' | 'connecting' | 'ready' | 'flashing' | 'running' | 'validating' | 'generating';

/** Text generation on the board: the tokens so far, as they stream in, then the whole outcome. */
export interface Generation {
  readonly tokens: readonly number[];
  readonly outcome?: GenerateOutcome;
}

export interface DeviceState {
  readonly status: DeviceStatus;
  readonly port?: PortDescription;
  /** The firmware's last `info`; undefined when the board runs no Minnow firmware (or none answered yet). */
  readonly info?: BoardInfo;
  /** "model-only" once a board running Minnow firmware is detected; "full" otherwise. */
  readonly suggestedMode: FlashMode;
  readonly progress?: FlashProgress;
  readonly lastFlash?: FlashReport;
  readonly lastRun?: RunOutcome;
  readonly validation?: { readonly done: number; readonly total: number; readonly report?: ValidationReport };
  readonly generation?: Generation;
  readonly error?: MinnowError;
  readonly log: string;
}

/** Immutable state with subscribers, in the shape useSyncExternalStore takes. */
export class StateStore<S extends object> {
  private readonly listeners = new Set<() => void>();

  constructor(private state: S) {}

  getState = (): S => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected update(change: Partial<S>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
