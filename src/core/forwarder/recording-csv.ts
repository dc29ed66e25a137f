import { checkChannelNames } from './channels.ts';

/** One labelled recording: samples in arrival order at a measured rate. */
export interface Recording {
  readonly label: string;
  readonly samples: readonly (readonly number[])[];
  /** Samples per second measured while it was recorded (S-4). */
  readonly rateHz: number;
}

/** Digits kept: the values as a sketch prints them, without float noise such as 0.30000000000000004. */
const DIGITS = 7;

const LABEL = /^[^,"\r\n]+$/;

/**
 * Recordings as the IMU recording CSV training reads (docs/DATA.md D-4, S-6): a `t_ms` column from the
 * measured rate, the named channels, a `label` column; a blank line after each recording so two recordings of
 * one label stay two runs and no window spans them.
 */
export function recordingsCsv(channels: readonly string[], recordings: readonly Recording[]): string {
  checkChannelNames(channels);
  const lines = [['t_ms', ...channels, 'label'].join(',')];
  for (const r of recordings) {
    const label = LABEL.test(r.label.trim()) ? r.label.trim() : 'unlabelled';
    const periodMs = r.rateHz > 0 ? 1000 / r.rateHz : 0;
    r.samples.forEach((s, i) => {
      const values = channels.map((_, c) => Number((s[c] ?? 0).toPrecision(DIGITS)));
      lines.push([Math.round(i * periodMs * 100) / 100, ...values, label].join(','));
    });
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** Windows of `steps` samples every `stride` one recording gives (D-4): what the page shows per recording. */
export function windowsOf(
  samples: number,
  steps: number,
  stride = Math.max(1, Math.round(steps / 2)),
): number {
  return samples < steps || steps <= 0 ? 0 : Math.floor((samples - steps) / stride) + 1;
}
