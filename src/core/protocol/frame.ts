/**
 * Serial frames of docs/PROTOCOL.md (P-2 … P-6): `@MN<version> <seq> <kind> <len> <base64|-> <crc32>`,
 * found anywhere in a console stream that also carries log text. The board's codec is mn_frame.c.
 */
import { crc32 } from '../blob/crc32.ts';
import { MinnowError } from '../errors.ts';
import { decodeBase64, encodeBase64 } from './base64.ts';

export const PROTOCOL_VERSION = 1;
export const MARKER = '@MN';
export const MAX_PAYLOAD = 1024;
/** Longest valid frame without its line end: marker, 5-digit numbers, 12-letter kind, 1368 base64 chars. */
export const MAX_FRAME_TEXT = 3 + 5 + 1 + 5 + 1 + 12 + 1 + 5 + 1 + 1368 + 1 + 8;

export interface Frame {
  readonly version: number;
  readonly seq: number;
  readonly kind: string;
  readonly payload: Uint8Array;
}

const KIND = /^[a-z]{1,12}$/;
const NUMBER = /^[0-9]{1,5}$/;
const CRC = /^[0-9a-fA-F]{8}$/;

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}

function isU16(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0xffff;
}

/** The frame text with its CR LF (P-2). Throws PROTO_FRAME for a field out of range. */
export function encodeFrame(frame: Frame): string {
  const { version, seq, kind, payload } = frame;
  if (!isU16(version) || !isU16(seq) || !KIND.test(kind) || payload.length > MAX_PAYLOAD) {
    throw new MinnowError('PROTO_FRAME', {
      detail: `cannot encode ${kind} #${seq} of ${payload.length} bytes`,
    });
  }
  const body = payload.length === 0 ? '-' : encodeBase64(payload);
  const head = `${MARKER}${version} ${seq} ${kind} ${payload.length} ${body} `;
  return `${head}${crc32(ascii(head)).toString(16).padStart(8, '0')}\r\n`;
}

function invalid(detail: string): MinnowError {
  return new MinnowError('PROTO_FRAME', { detail });
}

/** Parses one frame's text, marker to crc (P-2 … P-4). Throws PROTO_FRAME naming the first problem. */
export function decodeFrame(text: string): Frame {
  if (!text.startsWith(MARKER)) throw invalid('it does not start with @MN');
  const fields = text.slice(MARKER.length).split(' ');
  if (fields.length !== 6) throw invalid(`${fields.length} fields instead of 6`);
  const [version = '', seq = '', kind = '', len = '', body = '', crc = ''] = fields;
  if (![version, seq, len].every((n) => NUMBER.test(n) && Number(n) <= 0xffff))
    throw invalid('a number is malformed');
  if (!KIND.test(kind)) throw invalid(`kind "${kind}" is not 1-12 lowercase letters`);
  if (!CRC.test(crc)) throw invalid('the crc is not 8 hex digits');
  const expected = crc32(ascii(text.slice(0, text.length - 8)));
  if (parseInt(crc, 16) !== expected) throw invalid('the crc does not match');
  const length = Number(len);
  if (length > MAX_PAYLOAD) throw invalid(`a payload of ${length} bytes exceeds ${MAX_PAYLOAD}`);
  const payload = length === 0 && body === '-' ? new Uint8Array(0) : decodeBase64(body);
  if (!payload || payload.length !== length || (length > 0 && body === '-')) {
    throw invalid(`the payload is not canonical base64 of ${length} bytes`);
  }
  return { version: Number(version), seq: Number(seq), kind, payload };
}
