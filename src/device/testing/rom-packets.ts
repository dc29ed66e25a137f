/** Request and response packets of the ESP serial bootloader (FACTS §D.2), little-endian. */
export const OP = {
  FLASH_BEGIN: 0x02,
  FLASH_DATA: 0x03,
  FLASH_END: 0x04,
  MEM_BEGIN: 0x05,
  MEM_END: 0x06,
  MEM_DATA: 0x07,
  SYNC: 0x08,
  WRITE_REG: 0x09,
  READ_REG: 0x0a,
  SPI_SET_PARAMS: 0x0b,
  SPI_ATTACH: 0x0d,
  CHANGE_BAUDRATE: 0x0f,
  FLASH_DEFL_BEGIN: 0x10,
  FLASH_DEFL_DATA: 0x11,
  FLASH_DEFL_END: 0x12,
  SPI_FLASH_MD5: 0x13,
  GET_SECURITY_INFO: 0x14,
  ERASE_FLASH: 0xd0,
  ERASE_REGION: 0xd1,
  READ_FLASH: 0xd2,
  RUN_USER_CODE: 0xd3,
} as const;

export const OP_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(OP).map(([name, op]) => [op, name]),
);

/** ROM error codes used here. */
export const ROM_ERROR = { INVALID_MESSAGE: 0x05, CHECKSUM: 0x07, FLASH_WRITE: 0x08, DEFLATE: 0x0b } as const;
/** Stub error codes used here. */
export const STUB_ERROR = { CHECKSUM: 0xc1, FAILED: 0xc6, UNSUPPORTED: 0xff } as const;

export const SYNC_PAYLOAD = Uint8Array.from([0x07, 0x07, 0x12, 0x20, ...new Array<number>(32).fill(0x55)]);
export const ROM_SYNC_VALUE = 0x20120707;
export const CHECKSUM_SEED = 0xef;

export interface Request {
  readonly op: number;
  readonly checksum: number;
  readonly data: Uint8Array;
  words(count: number): number[];
}

/** Parses a request; undefined when it is not one (wrong direction byte or length). */
export function parseRequest(packet: Uint8Array): Request | undefined {
  if (packet.length < 8 || packet[0] !== 0x00) return undefined;
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  const length = view.getUint16(2, true);
  if (packet.length !== 8 + length) return undefined;
  const data = packet.subarray(8);
  const dataView = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return {
    op: packet[1] as number,
    checksum: view.getUint32(4, true),
    data,
    words: (count) =>
      Array.from({ length: Math.min(count, Math.floor(data.length / 4)) }, (_, i) =>
        dataView.getUint32(i * 4, true),
      ),
  };
}

export function response(op: number, value: number, data: Uint8Array, status: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + data.length + status.length);
  const view = new DataView(out.buffer);
  out[0] = 0x01;
  out[1] = op;
  view.setUint16(2, data.length + status.length, true);
  view.setUint32(4, value >>> 0, true);
  out.set(data, 8);
  out.set(status, 8 + data.length);
  return out;
}

export function checksum(data: Uint8Array): number {
  let state = CHECKSUM_SEED;
  for (const b of data) state ^= b;
  return state;
}

export function u32le(...values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setUint32(i * 4, v >>> 0, true));
  return out;
}

/** One command the board received, for tests and the bench. */
export interface CommandRecord {
  readonly op: number;
  readonly name: string;
  readonly stub: boolean;
  /** Payload bytes of the request (after SLIP decoding). */
  readonly dataBytes: number;
  /** Flash address of a FLASH_*BEGIN or SPI_FLASH_MD5. */
  readonly address?: number;
  /** Uncompressed size announced by a FLASH_*BEGIN, or the length of an MD5. */
  readonly size?: number;
  readonly error?: string;
}
