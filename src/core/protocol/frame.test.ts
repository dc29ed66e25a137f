import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64.ts';
import { decodeFrame, encodeFrame, MAX_PAYLOAD } from './frame.ts';
import { FrameScanner } from './scanner.ts';

// Expected texts: CRCs computed independently with Python's zlib.crc32, base64 from RFC 4648 §10.
const INFO = '@MN1 7 info 0 - c4460ef6';
const RUN = '@MN1 65535 run 2 aGk= c67eee04';
const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('frames', () => {
  it('[P-2] writes an empty payload as "-" and ends the frame with CR LF', () => {
    expect(encodeFrame({ version: 1, seq: 7, kind: 'info', payload: new Uint8Array(0) })).toBe(`${INFO}\r\n`);
  });

  it('[P-3] writes payloads as padded base64', () => {
    expect(encodeFrame({ version: 1, seq: 65535, kind: 'run', payload: bytes('hi') })).toBe(`${RUN}\r\n`);
  });

  it('[P-3] base64 matches the RFC 4648 test vectors both ways', () => {
    const vectors = ['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy'];
    vectors.forEach((b64, n) => {
      expect(encodeBase64(bytes('foobar'.slice(0, n)))).toBe(b64);
      expect(decodeBase64(b64)).toEqual(bytes('foobar'.slice(0, n)));
    });
    for (const bad of ['Zg=', 'Zh==', 'Zm9=', 'Z*==', '====', 'Zg==Zg=='])
      expect(decodeBase64(bad)).toBeUndefined();
  });

  it('[P-2] round-trips every payload length up to the maximum', () => {
    for (let n = 0; n <= MAX_PAYLOAD; n += 7) {
      const payload = Uint8Array.from({ length: n }, (_, i) => (i * 73 + n) & 0xff);
      const text = encodeFrame({ version: 1, seq: n, kind: 'load', payload });
      expect(decodeFrame(text.trimEnd())).toEqual({ version: 1, seq: n, kind: 'load', payload });
    }
  });

  it('[P-4] refuses a frame whose crc or any covered byte changed', () => {
    expect(decodeFrame(INFO).seq).toBe(7);
    expect(decodeFrame(INFO.toUpperCase().replace('@MN1 7 INFO', '@MN1 7 info')).kind).toBe('info');
    for (const bad of [INFO.replace('c4460ef6', 'c4460ef7'), INFO.replace(' 7 ', ' 8 '), `${INFO}0`]) {
      expect(() => decodeFrame(bad)).toThrow(expect.objectContaining({ code: 501 }));
    }
  });

  it('[P-2] refuses malformed fields with E501', () => {
    const bad = [
      '@MN1 7 Info 0 - 00000000',
      '@MN1 99999 info 0 - 00000000',
      'MN1 7 info 0 - c4460ef6',
      '@MN1 7 info 0',
    ];
    for (const text of bad) expect(() => decodeFrame(text)).toThrow(expect.objectContaining({ code: 501 }));
    expect(() => encodeFrame({ version: 1, seq: 70000, kind: 'info', payload: new Uint8Array(0) })).toThrow();
    expect(() =>
      encodeFrame({ version: 1, seq: 1, kind: 'run', payload: new Uint8Array(MAX_PAYLOAD + 1) }),
    ).toThrow();
  });
});

describe('scanning a console stream', () => {
  it('[P-5] finds a frame after boot text on the same line, and two frames back to back', () => {
    const scanner = new FrameScanner();
    const frames = scanner.push(`I (312) cpu_start: Starting scheduler.${INFO}${RUN}\r\nW (400) x: y\n`);
    expect(frames.map((f) => f.seq)).toEqual([7, 65535]);
  });

  it('[P-5] a frame cut short by a reset does not swallow the next one', () => {
    const scanner = new FrameScanner();
    expect(scanner.push(`@MN1 65535 run 2 aG\u0000ets Jun  8 2016\r\n@@${INFO.slice(1)}`)).toHaveLength(1);
    expect(scanner.push(`@MN1 65535 run 2 aGk${INFO}`).map((f) => f.seq)).toEqual([7]);
  });

  it('[P-5] works across chunk boundaries and with text glued after the crc', () => {
    const scanner = new FrameScanner();
    const text = `${INFO}abcdefW (1) log`;
    const frames = [...text].flatMap((ch) => scanner.push(bytes(ch)));
    expect(frames).toHaveLength(1);
  });

  it('[P-6] drops corrupted frames silently and survives any garbage', () => {
    const scanner = new FrameScanner();
    expect(scanner.push(INFO.replace('info', 'infx'))).toEqual([]);
    expect(scanner.dropped).toBe(1);
    let seed = 1;
    const garbage = Uint8Array.from({ length: 200_000 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24 < 16 ? '@MN1 -'.charCodeAt((seed >>> 8) % 6) : (seed >>> 16) & 0xff;
    });
    expect(() => scanner.push(garbage)).not.toThrow();
    expect(scanner.push(`${'A'.repeat(3000)}@MN1 ${'A'.repeat(2000)} ${INFO}`)).toHaveLength(1);
  });
});
