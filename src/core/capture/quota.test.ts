import { describe, expect, it } from 'vitest';
import { isMinnowError } from '../errors.ts';
import { checkRoom, quotaView } from './quota.ts';

const MB = 1024 * 1024;

describe('[D-11] the storage quota: a warning at 80 %, recording stops at 95 %', () => {
  it('is quiet below 80 % and counts how many more recordings fit before 95 %', () => {
    const view = quotaView({ usage: 10 * MB, quota: 100 * MB }, 32_128);
    expect(view.level).toBe('ok');
    expect(view.fraction).toBeCloseTo(0.1);
    // (95 MB − 10 MB) / 32,128 B = 89,128,960 / 32,128 = 2774.2 → 2774.
    expect(view.more).toBe(2774);
    expect(view.message).toBe('');
  });

  it('warns from 80 %, naming the share and what still fits', () => {
    const view = quotaView({ usage: 85 * MB, quota: 100 * MB }, MB);
    expect(view.level).toBe('warn');
    expect(view.more).toBe(10);
    expect(view.message).toBe(
      'Storage is 85 % full (85.00 MB of 100.00 MB used): about 10 more recordings fit. Delete or export some soon.',
    );
    expect(() => checkRoom(view)).not.toThrow();
  });

  it('stops at 95 % (or when not one more recording fits) with E705', () => {
    for (const view of [
      quotaView({ usage: 96 * MB, quota: 100 * MB }, 100),
      quotaView({ usage: 94.9 * MB, quota: 100 * MB }, MB),
    ]) {
      expect(view.level).toBe('full');
      expect(view.message).toMatch(/^E705 The browser storage for this site is almost full/);
      let error: unknown;
      try {
        checkRoom(view);
      } catch (e) {
        error = e;
      }
      expect(isMinnowError(error) && error.code).toBe(705);
    }
  });

  it('says nothing when the browser gives no estimate, and never goes negative on odd figures', () => {
    expect(quotaView({}, 100).level).toBe('unknown');
    expect(quotaView({ usage: -5, quota: 0 }, 100).level).toBe('unknown');
    const over = quotaView({ usage: 200, quota: 100 }, 1);
    expect([over.fraction, over.more, over.level]).toEqual([1, 0, 'full']);
  });
});
