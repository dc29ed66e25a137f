import { describe, expect, it } from 'vitest';
import { decodeFrame } from './frame.ts';
import { decodeChunk, decodeErr, decodeInfo, decodeRun, decodeSelfTest, encodeChunk } from './messages.ts';

// Frames written by the C board (firmware-template/host mn_board, model "seed": Dense 3→2, 5-byte arena,
// chip esp32c3), so these tests check the TypeScript decoders against the firmware's encoder.
const HELLO =
  '@MN1 0 hello 72 AQAAAQAAAQABAAAABQAAAAQAAAAQAAAAAAAAAAEBAOIAAADoR1Q/BQAAAAMAAAACAAAAAQAAAAEHZXNwMzJjMwJucwRzZWVk 085fe8d0';
// The same board today (model "sine", chip esp32c6): the payload goes on with flavour and console.
const HELLO_WITH_PORT =
  '@MN1 0 hello 83 AQAAAQAAAQABAAAABQAAAAQAAAAQAAAAAAAAAAEBAPQDAAA+BxwDIAAAAAEAAAABAAAAAwAAAAAHZXNwMzJjNgJucwRzaW5lBGhvc3QFc3RkaW8= 1445ba80';
const OUT = '@MN1 3 out 6 AAAAADHd 7ad3ce7c';
const RUN = '@MN1 3 run 20 AgAAANQMAAAAAAAABQAAAAEAAAA= 20895bdd';
const SELFTEST = '@MN1 5 selftest 25 AQAAAAD/////UAAAAAAAAAAFAAAAAQAAAA== 82505015';
const ERR = '@MN1 7 err 32 9wFQUk9UT19DT01NQU5EOiB1bmtub3duIGNvbW1hbmQ= 57429ac3';

describe('command payloads', () => {
  it('[P-11] [P-9] decodes the board facts and the model of a hello frame', () => {
    const info = decodeInfo(decodeFrame(HELLO).payload);
    expect(info).toMatchObject({
      protocolVersion: 1,
      firmwareVersion: '0.1.0',
      blobVersions: { min: 1, max: 1 },
    });
    expect(info).toMatchObject({ freeHeap: 327680, largestFreeBlock: 262144, partitionBytes: 0x100000 });
    expect(info).toMatchObject({ modelStatus: 0, chip: 'esp32c3', cycleUnit: 'ns' });
    expect(info.model).toMatchObject({
      name: 'seed',
      arenaBytes: 5,
      inputBytes: 3,
      outputBytes: 2,
      steps: 1,
    });
    expect(info.model).toMatchObject({ blobVersion: 1, blobBytes: 226, hasTestVector: true });
  });

  it('[P-11] reads the flavour and console after the model name, and an older payload without them as empty', () => {
    const info = decodeInfo(decodeFrame(HELLO_WITH_PORT).payload);
    expect(info).toMatchObject({ chip: 'esp32c6', flavour: 'host', console: 'stdio' });
    expect(info.model?.name).toBe('sine');
    expect(decodeInfo(decodeFrame(HELLO).payload)).toMatchObject({ flavour: '', console: '' });
  });

  it('[P-13] decodes output chunks and the final run frame', () => {
    const out = decodeChunk(decodeFrame(OUT).payload, 'out');
    expect(out.offset).toBe(0);
    expect([...new Int8Array(out.bytes.buffer, out.bytes.byteOffset, 2)]).toEqual([49, -35]);
    expect(decodeRun(decodeFrame(RUN).payload)).toEqual({
      outputBytes: 2,
      cycles: 3284,
      arenaUsed: 5,
      steps: 1,
    });
  });

  it('[P-14] decodes a passing self-test', () => {
    const r = decodeSelfTest(decodeFrame(SELFTEST).payload);
    expect(r).toEqual({ pass: true, mismatches: 0, cycles: 80, arenaUsed: 5, steps: 1 });
  });

  it('[P-15] decodes an error code and its message', () => {
    expect(decodeErr(decodeFrame(ERR).payload)).toEqual({
      code: 503,
      message: 'PROTO_COMMAND: unknown command',
    });
  });

  it('[P-12] encodes a load chunk as offset + bytes', () => {
    expect([...encodeChunk(0x01020304, Uint8Array.of(9, 8))]).toEqual([4, 3, 2, 1, 9, 8]);
  });

  it('[P-10] refuses short or over-long payloads with E504', () => {
    const payload = decodeFrame(RUN).payload;
    expect(() => decodeRun(payload.subarray(0, 10))).toThrow(expect.objectContaining({ code: 504 }));
    expect(() => decodeRun(Uint8Array.of(...payload, 0))).toThrow(expect.objectContaining({ code: 504 }));
    expect(() => decodeInfo(new Uint8Array(3))).toThrow(expect.objectContaining({ code: 504 }));
  });
});
