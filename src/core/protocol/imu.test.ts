import { describe, expect, it } from 'vitest';
import { isMinnowError } from '../errors.ts';
import {
  ACCEL_LSB_PER_G,
  decodeImuEnd,
  decodeSamples,
  encodeImu,
  GYRO_LSB_PER_DPS,
  imuUnits,
  type ImuRequest,
} from './imu.ts';

const request: ImuRequest = {
  rateHz: 100,
  samples: 0x01020304,
  address: 0x68,
  accelRange: 1,
  gyroRange: 2,
  sdaGpio: 8,
  sclGpio: 9,
};

describe('imu payloads', () => {
  it('[P-19] the request is u16 rate, u32 samples, then address, ranges, SDA and SCL', () => {
    expect(Array.from(encodeImu(request))).toEqual([100, 0, 4, 3, 2, 1, 0x68, 1, 2, 8, 9]);
  });

  it('[P-19] requests the board would refuse are refused here with E556', () => {
    const bad: Partial<ImuRequest>[] = [
      { rateHz: 0 },
      { rateHz: 1001 },
      { rateHz: 2.5 },
      { address: 0x50 },
      { accelRange: 4 },
      { sdaGpio: 9 },
      { sclGpio: 64 },
      { samples: -1 },
    ];
    for (const change of bad) {
      try {
        encodeImu({ ...request, ...change });
        expect.unreachable(JSON.stringify(change));
      } catch (e) {
        expect(isMinnowError(e) && e.code).toBe(556);
      }
    }
  });

  it('[P-19] smp carries signed samples after its head; a short payload is E504', () => {
    const bytes = new Uint8Array(9 + 24);
    const v = new DataView(bytes.buffer);
    v.setUint32(0, 7, true);
    v.setUint32(4, 0xfffffff0, true);
    bytes[8] = 2;
    [-2048, 2048, 16384, -2096, 655, -10, 1, 2, 3, 4, 5, -32768].forEach((x, i) =>
      v.setInt16(9 + 2 * i, x, true),
    );
    expect(decodeSamples(bytes)).toEqual({
      first: 7,
      micros: 0xfffffff0,
      samples: [
        [-2048, 2048, 16384, -2096, 655, -10],
        [1, 2, 3, 4, 5, -32768],
      ],
    });
    expect(() => decodeSamples(bytes.subarray(0, 20))).toThrow(/ends after 20 bytes/);
    const end = new Uint8Array(12);
    new DataView(end.buffer).setUint32(8, 90000, true);
    end[0] = 10;
    expect(decodeImuEnd(end)).toEqual({ samples: 10, late: 0, elapsedUs: 90000 });
  });

  it('[S-13] counts to g and °/s by the range: 1 g is 16384 counts at ±2 g, 131 counts are 1 °/s at ±250', () => {
    // Full scale over the signed 16-bit range: 32768 / 2 g = 16384, 32768 / 250 °/s ≈ 131.07 (rounded).
    expect(ACCEL_LSB_PER_G.map((lsb, i) => (2 ** (i + 1) * lsb) / 32768)).toEqual([1, 1, 1, 1]);
    GYRO_LSB_PER_DPS.forEach((lsb, i) => expect(Math.abs(lsb * 250 * 2 ** i - 32768)).toBeLessThan(120));
    expect(imuUnits([16384, -8192, 0, 131, -262, 655], 0, 0)).toEqual([1, -0.5, 0, 1, -2, 5]);
    expect(imuUnits([2048, 0, 0, 16.4, 0, 0], 3, 3)).toEqual([1, 0, 0, 1, 0, 0]);
  });
});
