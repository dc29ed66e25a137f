import { MinnowError } from '../errors.ts';
import { formatBytes } from '../units.ts';

/**
 * The storage quota (docs/DATA.md D-11): browsers give each site a share of the disk
 * (navigator.storage.estimate). Recording warns from 80 % and stops at 95 %, so the project itself can
 * always still be saved.
 */

export const WARN_AT = 0.8;
export const STOP_AT = 0.95;

export interface Estimate {
  readonly usage?: number | undefined;
  readonly quota?: number | undefined;
}

export interface QuotaView {
  readonly used: number;
  readonly quota: number;
  /** 0 to 1; 0 when the browser does not tell. */
  readonly fraction: number;
  readonly level: 'ok' | 'warn' | 'full' | 'unknown';
  /** How many more recordings of `itemBytes` fit before recording stops. */
  readonly more: number;
  /** What to tell the user (empty when all is well). */
  readonly message: string;
}

export function quotaView(estimate: Estimate, itemBytes: number): QuotaView {
  const used = Math.max(0, estimate.usage ?? 0);
  const quota = Math.max(0, estimate.quota ?? 0);
  if (quota === 0) return { used, quota, fraction: 0, level: 'unknown', more: Infinity, message: '' };
  const fraction = Math.min(1, used / quota);
  const more = Math.max(0, Math.floor((quota * STOP_AT - used) / Math.max(1, itemBytes)));
  const share = `${formatBytes(used)} of ${formatBytes(quota)} used`;
  if (fraction >= STOP_AT || more === 0) {
    const error = new MinnowError('CAPTURE_STORAGE_FULL', {
      used: formatBytes(used),
      quota: formatBytes(quota),
    });
    return {
      used,
      quota,
      fraction,
      level: 'full',
      more: 0,
      message: `E${error.code} ${error.message} ${error.hint}`,
    };
  }
  if (fraction >= WARN_AT) {
    return {
      used,
      quota,
      fraction,
      level: 'warn',
      more,
      message: `Storage is ${Math.round(fraction * 100)} % full (${share}): about ${more} more recordings fit. Delete or export some soon.`,
    };
  }
  return { used, quota, fraction, level: 'ok', more, message: '' };
}

/** Refuses to record when storage is full (E705); called before each recording is kept. */
export function checkRoom(view: QuotaView): void {
  if (view.level === 'full') {
    throw new MinnowError('CAPTURE_STORAGE_FULL', {
      used: formatBytes(view.used),
      quota: formatBytes(view.quota),
    });
  }
}
