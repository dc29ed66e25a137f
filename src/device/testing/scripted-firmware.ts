import { readBlob } from '../../core/blob/reader.ts';
import { tensorBytes } from '../../core/blob/tensor-table.ts';
import type { TensorEntry } from '../../core/blob/types.ts';
import { isMinnowError } from '../../core/errors.ts';
import { encodeFrame, FrameScanner, PROTOCOL_VERSION, type BoardInfo } from '../../core/protocol/index.ts';
import type { FirmwareBackend, FirmwareFactory } from './flash-boot.ts';

/** The `info` payload of docs/PROTOCOL.md P-11, written field by field from the table there. */
export function encodeInfo(info: BoardInfo): Uint8Array {
  const bytes: number[] = [];
  const u8 = (v: number) => bytes.push(v & 0xff);
  const u16 = (v: number) => [v, v >>> 8].forEach(u8);
  const u32 = (v: number) => [v, v >>> 8, v >>> 16, v >>> 24].forEach(u8);
  const str = (s: string) => {
    u8(s.length);
    for (const ch of s) u8(ch.charCodeAt(0));
  };
  const [major = 0, minor = 0, patch = 0] = info.firmwareVersion.split('.').map(Number);
  u16(info.protocolVersion);
  [major, minor, patch, 0].forEach(u8);
  u16(info.blobVersions.min);
  u16(info.blobVersions.max);
  [info.freeHeap, info.largestFreeBlock, info.partitionBytes, info.cpuMhz].forEach(u32);
  u16(info.modelStatus);
  const m = info.model;
  u8(m ? 1 : 0);
  u16(m?.blobVersion ?? 0);
  [m?.blobBytes, m?.crc, m?.arenaBytes, m?.inputBytes, m?.outputBytes, m?.steps].forEach((v) => u32(v ?? 0));
  u8(m?.hasTestVector ? 1 : 0);
  str(info.chip);
  str(info.cycleUnit);
  str(m?.name ?? '');
  str(info.flavour);
  str(info.console);
  return Uint8Array.from(bytes);
}

export const SCRIPTED_INFO: BoardInfo = {
  protocolVersion: PROTOCOL_VERSION,
  firmwareVersion: '0.1.0',
  blobVersions: { min: 1, max: 1 },
  freeHeap: 300_000,
  largestFreeBlock: 200_000,
  partitionBytes: 0x100000,
  cpuMhz: 160,
  modelStatus: 505,
  chip: 'esp32c3',
  cycleUnit: 'cycles',
  flavour: 'esp-idf',
  console: 'usb-serial-jtag',
};

/** What a board reports about the blob in its model partition: its header, or why it was refused. */
export function describeModel(partition: Uint8Array | undefined): Pick<BoardInfo, 'modelStatus' | 'model'> {
  if (!partition || partition.subarray(0, 16).every((b) => b === 0xff)) return { modelStatus: 505 };
  try {
    const { header, tensors, ops } = readBlob(partition);
    const size = (id: number) => tensorBytes(tensors[id] as TensorEntry);
    const model = {
      name: header.name,
      blobVersion: header.version,
      blobBytes: header.totalSize,
      crc: header.crc,
      arenaBytes: header.arenaSize,
      inputBytes: size(header.inputTensor),
      outputBytes: size(header.outputTensor),
      steps: ops.length,
      hasTestVector: (header.flags & 1) === 1,
    };
    return { modelStatus: 0, model };
  } catch (e) {
    if (!isMinnowError(e)) throw e;
    return { modelStatus: e.code };
  }
}

/** Answers one request: `reply` sends a frame with the request's `seq` (partials first, then the final one). */
export type ScriptedCommand = (
  payload: Uint8Array,
  reply: (kind: string, payload: Uint8Array) => void,
) => void;

const UNKNOWN_COMMAND = Uint8Array.from([0xf7, 0x01, ...new TextEncoder().encode('PROTO_COMMAND: unknown')]);

/**
 * A firmware stand-in written in TS: it answers `info` with a fixed reply, the `commands` it is given as they
 * script, and every other request with `err` 503. Tests use it for boards whose firmware differs from this
 * build (an older blob version, another chip, a broken reply) without the virtual board process.
 */
export function scriptedFirmware(
  info: Partial<BoardInfo> = {},
  commands: Readonly<Record<string, ScriptedCommand>> = {},
): FirmwareFactory {
  return ({ output, model, chip }): FirmwareBackend => {
    const reply = { ...SCRIPTED_INFO, chip: chip.id, ...describeModel(model), ...info };
    const scanner = new FrameScanner();
    const send = (seq: number, kind: string, payload: Uint8Array) =>
      output(encodeFrame({ version: PROTOCOL_VERSION, seq, kind, payload }));
    output('I (300) main: scripted firmware\r\n');
    send(0, 'hello', encodeInfo(reply));
    return {
      write(bytes) {
        for (const frame of scanner.push(bytes)) {
          const command = commands[frame.kind];
          if (frame.kind === 'info') send(frame.seq, 'info', encodeInfo(reply));
          else if (command) command(frame.payload, (kind, payload) => send(frame.seq, kind, payload));
          else send(frame.seq, 'err', UNKNOWN_COMMAND);
        }
      },
      stop() {},
    };
  };
}

/** Firmware that is not Minnow's: it logs and never answers a frame. */
export const silentFirmware: FirmwareFactory = ({ output }) => {
  output('I (290) app: hello from another firmware\r\n');
  return { write() {}, stop() {} };
};
