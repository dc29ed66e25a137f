import type { FlashProgress } from '../../device/flash-progress.ts';
import { formatBytes } from './save-file.ts';

const PHASES: Record<FlashProgress['phase'], string> = {
  connecting: 'Connecting to the bootloader…',
  comparing: 'Comparing with what the board holds…',
  writing: 'Writing…',
  restarting: 'Restarting the board…',
  confirming: 'Asking the firmware for its info…',
  done: 'Done.',
};

const STATES = {
  pending: 'waiting',
  checking: 'comparing',
  skipped: 'unchanged, skipped',
  writing: 'writing',
  verified: 'written and verified',
  failed: 'failed',
};

/** One line per region: name, address, size, compressed bytes sent, speed. */
export function FlashProgressList({ progress }: { progress: FlashProgress }) {
  return (
    <div className="flash-progress" aria-live="polite">
      <p className="muted">
        {PHASES[progress.phase]}
        {progress.chip ? ` (${progress.chip})` : ''}
      </p>
      <ul>
        {progress.files.map((f) => (
          <li key={f.address} className={`flash-file ${f.state}`} data-role={f.role}>
            <span className="flash-name">{f.name}</span>
            <span className="mono">0x{f.address.toString(16)}</span>
            <span>{formatBytes(f.bytes)}</span>
            <progress
              max={f.sendTotal || 1}
              value={f.state === 'verified' || f.state === 'skipped' ? f.sendTotal || 1 : f.sent}
            />
            <span className="flash-state">
              {STATES[f.state]}
              {f.state === 'writing' && ` ${formatBytes(f.sent)} of ${formatBytes(f.sendTotal)} sent`}
              {f.bytesPerSecond > 0 &&
                f.state === 'writing' &&
                `, ${formatBytes(Math.round(f.bytesPerSecond))}/s`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
