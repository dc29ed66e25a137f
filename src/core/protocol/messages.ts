/** Payloads of the version-1 commands (docs/PROTOCOL.md P-11 … P-15). */
import { decodeUtf8 } from '../blob/utf8.ts';
import { PayloadReader } from './payload.ts';

export interface BoardInfo {
  readonly protocolVersion: number;
  readonly firmwareVersion: string;
  readonly blobVersions: { readonly min: number; readonly max: number };
  readonly freeHeap: number;
  readonly largestFreeBlock: number;
  readonly partitionBytes: number;
  readonly cpuMhz: number;
  /** 0 when a model is ready; else the error code that says why not. */
  readonly modelStatus: number;
  readonly model?: {
    readonly name: string;
    readonly blobVersion: number;
    readonly blobBytes: number;
    readonly crc: number;
    readonly arenaBytes: number;
    readonly inputBytes: number;
    readonly outputBytes: number;
    readonly steps: number;
    readonly hasTestVector: boolean;
  };
  readonly chip: string;
  readonly cycleUnit: string;
  /** "esp-idf", "bare-metal" or "host"; "" from a firmware that predates the field. */
  readonly flavour: string;
  /** The port the board answers on: "uart0", "usb-serial-jtag" or "stdio"; "" when not reported. */
  readonly console: string;
}

/** P-11: the payload of `info` and `hello`. */
export function decodeInfo(payload: Uint8Array): BoardInfo {
  const r = new PayloadReader(payload, 'info');
  const protocolVersion = r.u16();
  const firmwareVersion = `${r.u8()}.${r.u8()}.${r.u8()}`;
  r.u8();
  const blobVersions = { min: r.u16(), max: r.u16() };
  const [freeHeap, largestFreeBlock, partitionBytes, cpuMhz] = [r.u32(), r.u32(), r.u32(), r.u32()];
  const modelStatus = r.u16();
  const present = r.u8() === 1;
  const blobVersion = r.u16();
  const [blobBytes, crc, arenaBytes, inputBytes, outputBytes, steps] = [
    r.u32(),
    r.u32(),
    r.u32(),
    r.u32(),
    r.u32(),
    r.u32(),
  ];
  const hasTestVector = r.u8() === 1;
  const chip = r.str();
  const cycleUnit = r.str();
  const name = r.str();
  // Firmware 0.1.0 ends the payload at the model name.
  const flavour = r.remaining() > 0 ? r.str() : '';
  const console = r.remaining() > 0 ? r.str() : '';
  r.end();
  const model = {
    name,
    blobVersion,
    blobBytes,
    crc,
    arenaBytes,
    inputBytes,
    outputBytes,
    steps,
    hasTestVector,
  };
  return {
    protocolVersion,
    firmwareVersion,
    blobVersions,
    freeHeap,
    largestFreeBlock,
    partitionBytes,
    cpuMhz,
    modelStatus,
    ...(present ? { model } : {}),
    chip,
    cycleUnit,
    flavour,
    console,
  };
}

export interface RunResult {
  readonly outputBytes: number;
  readonly cycles: number;
  readonly arenaUsed: number;
  readonly steps: number;
}

/** P-13: the final `run` frame. */
export function decodeRun(payload: Uint8Array): RunResult {
  const r = new PayloadReader(payload, 'run');
  const result = { outputBytes: r.u32(), cycles: r.u64(), arenaUsed: r.u32(), steps: r.u32() };
  r.end();
  return result;
}

export interface SelfTestResult {
  readonly pass: boolean;
  readonly mismatches: number;
  /** Index of the first differing output byte, or undefined when none. */
  readonly firstMismatch?: number;
  readonly cycles: number;
  readonly arenaUsed: number;
  readonly steps: number;
}

/** P-14: the final `selftest` frame. */
export function decodeSelfTest(payload: Uint8Array): SelfTestResult {
  const r = new PayloadReader(payload, 'selftest');
  const pass = r.u8() === 1;
  const mismatches = r.u32();
  const first = r.u32();
  const rest = { cycles: r.u64(), arenaUsed: r.u32(), steps: r.u32() };
  r.end();
  return { pass, mismatches, ...(first === 0xffffffff ? {} : { firstMismatch: first }), ...rest };
}

/** P-13: an `out` or P-12 `load` chunk: a u32 offset and bytes. */
export function decodeChunk(payload: Uint8Array, kind: string): { offset: number; bytes: Uint8Array } {
  const r = new PayloadReader(payload, kind);
  return { offset: r.u32(), bytes: r.bytesLeft() };
}

export function encodeChunk(offset: number, bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, offset, true);
  out.set(bytes, 4);
  return out;
}

/** P-15: an `err` frame's code and message. */
export function decodeErr(payload: Uint8Array): { code: number; message: string } {
  const r = new PayloadReader(payload, 'err');
  const code = r.u16();
  return { code, message: decodeUtf8(r.bytesLeft()) };
}
