import { MinnowError } from '../core/errors.ts';
import type { EspLink } from './esp-link.ts';
import { md5Hex, padded, type Region } from './flash-plan.ts';
import { formatHex } from '../core/units.ts';
const isMd5Mismatch = (e: unknown) => e instanceof Error && /MD5 of file does not match/i.test(e.message);

/**
 * The first address of `region` whose byte on the board differs from what was sent, or undefined when the
 * flash holds it all: halves the range by the stub's SPI_FLASH_MD5 (about 20 short commands for 1 MB).
 */
export async function firstDifference(link: EspLink, region: Region): Promise<number | undefined> {
  const bytes = padded(region.data);
  const differs = async (from: number, to: number) =>
    (await link.md5(region.address + from, to - from)) !== md5Hex(bytes.subarray(from, to));
  let [from, to] = [0, bytes.length];
  if (!(await differs(from, to))) return undefined;
  while (to - from > 1) {
    const mid = from + Math.floor((to - from) / 2);
    if (await differs(from, mid)) to = mid;
    else from = mid;
  }
  return region.address + from;
}

/**
 * Writes one region and checks its MD5 (esptool-js). A mismatch is located; if the flash in fact holds the
 * bytes, the MD5 reply was garbled and the region is fine. Otherwise the region is written once more: the same
 * address failing twice is the flash itself (FLASH_WORN), another address a transfer problem (VERIFY_FAILED).
 */
export async function writeVerified(
  link: EspLink,
  region: Region,
  progress: (sent: number, total: number) => void,
): Promise<void> {
  let previous: number | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await link.write([region], (_, sent, total) => progress(sent, total));
    } catch (e) {
      if (!isMd5Mismatch(e)) throw e;
    }
    const bad = await firstDifference(link, region);
    if (bad === undefined) return;
    if (attempt === 2 && bad === previous) {
      throw new MinnowError('FLASH_WORN', {
        region: region.name,
        address: formatHex(bad),
        recovery:
          region.role === 'model'
            ? 'The firmware is intact: the board boots and reports that it has no valid model.'
            : 'The firmware may not start until this is resolved.',
      });
    }
    if (attempt === 2) {
      throw new MinnowError('VERIFY_FAILED', {
        file: `${region.name} (at ${formatHex(previous as number)}, then at ${formatHex(bad)})`,
      });
    }
    previous = bad;
  }
}
