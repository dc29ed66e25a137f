import { describe, expect, it } from 'vitest';
import { isMinnowError } from '../errors.ts';
import { ClipCollector, clipLength, int16ToInput, LiveWindow, toInt16 } from './clip.ts';
import { resample, SOUND_RATE } from './resample.ts';

const sine = (hz: number, rate: number, n: number, amp = 0.5) =>
  Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate));

/** Largest difference from the ideal sine, away from the ends (where the filter sees silence). */
function worstError(out: Float32Array, hz: number, rate: number, amp = 0.5): number {
  let worst = 0;
  for (let m = 200; m < out.length - 200; m++) {
    worst = Math.max(worst, Math.abs((out[m] as number) - amp * Math.sin((2 * Math.PI * hz * m) / rate)));
  }
  return worst;
}

const rms = (x: Float32Array, from = 200, to = x.length - 200) =>
  Math.sqrt(x.subarray(from, to).reduce((s, v) => s + v * v, 0) / (to - from));

describe('[D-9] resampling microphone audio to 16 kHz', () => {
  it('turns a 1 kHz sine at 48 kHz and 44.1 kHz into the same sine at 16 kHz (within 0.2 %)', () => {
    for (const rate of [48_000, 44_100]) {
      const out = resample(sine(1000, rate, rate), rate, SOUND_RATE);
      expect(out.length).toBe(SOUND_RATE);
      expect(worstError(out, 1000, SOUND_RATE)).toBeLessThan(0.001);
    }
  });

  it('keeps a 6 kHz tone (below 7.2 kHz) and removes a 12 kHz tone instead of folding it to 4 kHz', () => {
    const kept = resample(sine(6000, 48_000, 48_000), 48_000, SOUND_RATE);
    expect(worstError(kept, 6000, SOUND_RATE)).toBeLessThan(0.01);
    const alias = resample(sine(12_000, 48_000, 48_000), 48_000, SOUND_RATE);
    expect(rms(alias)).toBeLessThan(0.001); // the input's RMS is 0.35
  });

  it('upsamples too (8 kHz to 16 kHz), and passes audio already at 16 kHz through untouched', () => {
    expect(worstError(resample(sine(500, 8000, 8000), 8000, SOUND_RATE), 500, SOUND_RATE)).toBeLessThan(
      0.002,
    );
    const same = sine(440, SOUND_RATE, 100);
    expect(resample(same, SOUND_RATE, SOUND_RATE)).toEqual(same);
  });

  it('refuses rates that are not whole numbers in range with E709', () => {
    for (const [from, to] of [
      [0, 16000],
      [48000.5, 16000],
      [48000, -1],
      [NaN, 16000],
      [1e9, 16000],
    ]) {
      let error: unknown;
      try {
        resample(new Float32Array(4), from as number, to as number);
      } catch (e) {
        error = e;
      }
      expect(isMinnowError(error) && error.code).toBe(709);
    }
  });
});

describe('[D-9] clips: int16 storage and framing blocks into one clip', () => {
  it('stores samples as int16 (rounded, clipped) and reads them back as sample / 32768', () => {
    expect([...toInt16(Float32Array.of(0, 0.5, -1, 1, 2, -2, 1 / 32768))]).toEqual([
      0, 16384, -32768, 32767, 32767, -32768, 1,
    ]);
    expect([...int16ToInput(Int16Array.of(-32768, 16384, 32767))]).toEqual([-1, 0.5, 32767 / 32768]);
  });

  it('knows the clip length of a sound model: [N] of at least 0.1 s', () => {
    expect(clipLength([16000])).toBe(16000);
    expect(clipLength([1])).toBe(0);
    expect(clipLength([28, 28, 1])).toBe(0);
  });

  it('collects uneven blocks at 48 kHz into one 16,000-sample clip of the tone they carry', () => {
    const audio = sine(1000, 48_000, 60_000);
    const collector = new ClipCollector(48_000, SOUND_RATE);
    let at = 0;
    for (const size of [128, 4096, 1000, 333]) {
      while (!collector.done && at < audio.length) {
        collector.push(audio.subarray(at, at + size));
        at += size;
        if (at > 20_000) break;
      }
    }
    expect(collector.progress).toBeLessThan(1);
    while (!collector.push(audio.subarray(at, at + 4096))) at += 4096;
    const clip = collector.clip();
    expect(clip.length).toBe(SOUND_RATE);
    const real = int16ToInput(clip);
    expect(worstError(real, 1000, SOUND_RATE)).toBeLessThan(0.001);
    // The very last samples are whole too: the collector waited for the filter's look-ahead.
    expect(
      Math.abs((real[15999] as number) - 0.5 * Math.sin((2 * Math.PI * 1000 * 15999) / SOUND_RATE)),
    ).toBeLessThan(0.001);
  });
});

describe('[D-12] the live window holds the latest audio', () => {
  it('keeps the newest samples across blocks of any size and makes a clip of them', () => {
    const live = new LiveWindow(16_000, 1600);
    expect(live.full).toBe(false);
    const ramp = Float32Array.from({ length: 5000 }, (_, i) => i / 32768);
    for (let at = 0; at < ramp.length; at += 700) live.push(ramp.subarray(at, at + 700));
    expect(live.full).toBe(true);
    // At the same rate the clip is the window's first 1600 samples: the newest 1600 are 3400..4999.
    expect([...live.clip().subarray(0, 3)]).toEqual([3400, 3401, 3402]);
    live.push(ramp.subarray(0, 2000));
    expect(live.clip()[0]).toBe(400);
  });
});
