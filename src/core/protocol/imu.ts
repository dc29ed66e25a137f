/** P-19: the `imu` sensor stream's payloads, and the MPU-6050's counts as physical units (docs/SENSORS.md). */
import { MinnowError } from '../errors.ts';
import { PayloadReader } from './payload.ts';

export interface ImuRequest {
  /** Samples per second, 1–1000. */
  readonly rateHz: number;
  /** Samples to send; 0 streams until `stop`. */
  readonly samples: number;
  /** 0x68 (AD0 low) or 0x69 (AD0 high). */
  readonly address: number;
  /** AFS_SEL 0–3: ±2, 4, 8, 16 g. */
  readonly accelRange: number;
  /** FS_SEL 0–3: ±250, 500, 1000, 2000 °/s. */
  readonly gyroRange: number;
  readonly sdaGpio: number;
  readonly sclGpio: number;
}

/** S-13: LSB per g for AFS_SEL 0–3, LSB per °/s for FS_SEL 0–3 (register map, registers 59–64 and 67–72). */
export const ACCEL_LSB_PER_G = [16384, 8192, 4096, 2048] as const;
export const GYRO_LSB_PER_DPS = [131, 65.5, 32.8, 16.4] as const;

const int = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;

function problem(r: ImuRequest): string | undefined {
  if (!int(r.rateHz, 1, 1000)) return `${r.rateHz} samples per second is outside 1–1000`;
  if (!int(r.samples, 0, 0xffffffff)) return `${r.samples} samples is not a count`;
  if (r.address !== 0x68 && r.address !== 0x69) return `address ${r.address} is not 0x68 or 0x69`;
  if (!int(r.accelRange, 0, 3) || !int(r.gyroRange, 0, 3)) return 'the ranges are 0 to 3';
  if (!int(r.sdaGpio, 0, 63) || !int(r.sclGpio, 0, 63) || r.sdaGpio === r.sclGpio)
    return 'SDA and SCL must be two different GPIOs, 0 to 63';
  return undefined;
}

/** The 11-byte request: u16 rateHz, u32 samples, u8 address, accelRange, gyroRange, sdaGpio, sclGpio. */
export function encodeImu(r: ImuRequest): Uint8Array {
  const detail = problem(r);
  if (detail) throw new MinnowError('SENSOR_REQUEST', { detail });
  const out = new Uint8Array(11);
  const v = new DataView(out.buffer);
  v.setUint16(0, r.rateHz, true);
  v.setUint32(2, r.samples, true);
  out.set([r.address, r.accelRange, r.gyroRange, r.sdaGpio, r.sclGpio], 6);
  return out;
}

export interface SampleBatch {
  /** Index of the first sample in the stream (0, 1, …). */
  readonly first: number;
  /** The board's microsecond clock (low 32 bits) when it read the first sample. */
  readonly micros: number;
  /** ax, ay, az, gx, gy, gz in the sensor's counts, one array per sample. */
  readonly samples: readonly (readonly number[])[];
}

/** `smp` partial: u32 first, u32 micros, u8 count, then count × 6 i16. */
export function decodeSamples(payload: Uint8Array): SampleBatch {
  const r = new PayloadReader(payload, 'smp');
  const first = r.u32();
  const micros = r.u32();
  const count = r.u8();
  const samples = Array.from({ length: count }, () => Array.from({ length: 6 }, () => (r.u16() << 16) >> 16));
  r.end();
  return { first, micros, samples };
}

export interface ImuEnd {
  readonly samples: number;
  /** Samples read a whole period or more after they were due. */
  readonly late: number;
  /** Microseconds from the first sample's read to the last one's. */
  readonly elapsedUs: number;
}

/** Final `imu`: u32 samples, u32 late, u32 elapsedUs. */
export function decodeImuEnd(payload: Uint8Array): ImuEnd {
  const r = new PayloadReader(payload, 'imu');
  const result = { samples: r.u32(), late: r.u32(), elapsedUs: r.u32() };
  r.end();
  return result;
}

/** Counts as g (accelerometer) and °/s (gyroscope), the units docs/DATA.md D-4 asks for. */
export function imuUnits(sample: readonly number[], accelRange: number, gyroRange: number): number[] {
  const a = ACCEL_LSB_PER_G[accelRange] ?? ACCEL_LSB_PER_G[0];
  const g = GYRO_LSB_PER_DPS[gyroRange] ?? GYRO_LSB_PER_DPS[0];
  return sample.map((v, i) => v / (i < 3 ? a : g));
}
