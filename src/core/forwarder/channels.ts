import { MinnowError } from '../errors.ts';

/** The HAR template's channel order (docs/DATA.md D-4). */
export const IMU_CHANNELS = ['ax', 'ay', 'az', 'gx', 'gy', 'gz'] as const;

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,15}$/;
/** Names the IMU reader takes for a time column or the label (src/train/datasets/imu.ts), which no channel may have. */
const RESERVED = /^(label|t|time|timestamp|ms|millis|micros|seconds)([ _-]?(s|ms|us))?$/i;

/** Default names for `count` channels: ax…gz for six, c1…cN otherwise. */
export function defaultChannelNames(count: number): string[] {
  if (count === IMU_CHANNELS.length) return [...IMU_CHANNELS];
  return Array.from({ length: count }, (_, i) => `c${i + 1}`);
}

/** Checks names a person typed (S-5): a letter then letters, digits or _, unique, none taken by time or label. */
export function checkChannelNames(names: readonly string[]): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const problem = !NAME.test(name)
      ? 'must start with a letter and hold only letters, digits and _ (at most 16)'
      : RESERVED.test(name)
        ? 'is kept for the time or label column'
        : seen.has(name.toLowerCase())
          ? 'is used twice'
          : undefined;
    if (problem) throw new MinnowError('FORWARDER_CHANNELS', { channel: i + 1, name, problem });
    seen.add(name.toLowerCase());
  });
}
