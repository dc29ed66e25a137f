import { describe, expect, it } from 'vitest';
import { MAX_LINE } from './line-splitter.ts';
import { ForwarderParser, LOCK_LINES } from './parser.ts';
import { parseSampleLine } from './sample-line.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
/** A parser past its first (possibly cut) line. */
function primed(channels?: number): ForwarderParser {
  const p = new ForwarderParser(channels);
  p.push(bytes('cut line\n'));
  return p;
}

describe('sample lines', () => {
  it('[S-2] reads commas, semicolons, spaces and tabs, signs and exponents', () => {
    expect(parseSampleLine('1,2.5,-3')).toEqual({ values: [1, 2.5, -3] });
    expect(parseSampleLine('  1 2\t3  ')).toEqual({ values: [1, 2, 3] });
    expect(parseSampleLine('1; -2e3 ;+.5,')).toEqual({ values: [1, -2000, 0.5] });
    expect(parseSampleLine('0.0123, -0.0210, 0.9987\r')).toEqual({ values: [0.0123, -0.021, 0.9987] });
  });

  it('[S-2] a word, NaN, an infinity or an empty field makes the whole line bad', () => {
    for (const line of ['ax=1,2', 'NaN,1', '1,inf', '1,Infinity', '1,,2', '0x10,1', '1e999,2', 'Booting...'])
      expect(parseSampleLine(line), line).toHaveProperty('bad');
    expect(parseSampleLine('1e999,2')).toEqual({ bad: '"1e999" is out of range' });
    expect(parseSampleLine('  \r')).toEqual({ blank: true });
  });
});

describe('the forwarder parser', () => {
  it('[S-3] drops the first line, fixes the channel count after agreeing lines, then emits samples', () => {
    const p = new ForwarderParser();
    expect(p.push(bytes('3,4\n1,2,3\n4,5,6\n'))).toEqual([]);
    expect(p.push(bytes('7,8,9\n10,11,12\n'))).toEqual([
      [7, 8, 9],
      [10, 11, 12],
    ]);
    expect(LOCK_LINES).toBe(3);
    expect(p.state).toEqual({ samples: 2, bad: 0, channels: 3 });
  });

  it('[S-1] CRLF, LF and lines split across chunks read the same', () => {
    const p = primed(2);
    const out = [...p.push(bytes('1,2\r\n3,')), ...p.push(bytes('4\r')), ...p.push(bytes('\n5,6\n'))];
    expect(out).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it('[S-3] counts and skips lines with another channel count, text and blank lines never count', () => {
    const p = primed(3);
    const out = p.push(bytes('1,2,3\n1,2\n\n1,2,3,4\nready\n4,5,6\n'));
    expect(out).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(p.state).toMatchObject({ samples: 2, bad: 3, lastBad: '"ready" is not a number' });
  });

  it('[S-1] a huge line is one bad line and is never held whole', () => {
    const p = primed(2);
    const huge = '1,'.repeat(100_000);
    const out = p.push(bytes(`${huge}\n7,8\n`));
    expect(out).toEqual([[7, 8]]);
    expect(p.state).toMatchObject({ bad: 1, lastBad: `a line of ${huge.length} characters` });
    expect(MAX_LINE).toBeLessThan(huge.length);
  });

  it('[S-1] binary noise never throws and never becomes a sample', () => {
    const p = primed(3);
    let seed = 7;
    const noise = Uint8Array.from({ length: 20_000 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    const fromNoise = p.push(noise);
    // Noise may spell a digit line by chance; whatever it yields has the fixed channel count.
    for (const s of fromNoise) expect(s).toHaveLength(3);
    expect(p.state.bad).toBeGreaterThan(0);
    // After the noise, the next whole line reads again (the line the noise ended in is cut off first).
    expect(p.push(bytes('\n1,2,3\n'))).toEqual([[1, 2, 3]]);
  });

  it('[S-3] half lines from a board reset in mid-line are bad lines, not samples', () => {
    const p = primed(6);
    const out = p.push(bytes('0.1,0.2,0.3,1,2,3\n0.1,0.2,0.\nets Jun  8 2016 00:22:57\n0.4,0.5,0.6,4,5,6\n'));
    expect(out).toEqual([
      [0.1, 0.2, 0.3, 1, 2, 3],
      [0.4, 0.5, 0.6, 4, 5, 6],
    ]);
    expect(p.state.bad).toBe(2);
  });
});
