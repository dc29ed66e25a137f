import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** One accepted WebSocket (RFC 6455): binary and text messages, no extensions, no fragmentation on send. */
export interface Socket {
  send(data: Uint8Array | string): void;
  close(): void;
  onMessage(listener: (data: Uint8Array | string) => void): void;
  onClose(listener: () => void): void;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Uint8Array): Uint8Array {
  const n = payload.length;
  const head =
    n < 126
      ? [0x80 | opcode, n]
      : n < 65536
        ? [0x80 | opcode, 126, n >> 8, n & 0xff]
        : [0x80 | opcode, 127, 0, 0, 0, 0, n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  const out = new Uint8Array(head.length + n);
  out.set(head);
  out.set(payload, head.length);
  return out;
}

/**
 * Completes the upgrade of an HTTP request and returns the socket. Enough of RFC 6455 for a test bridge on
 * the loopback interface: client frames are masked, may be fragmented (continuations are joined), and
 * ping/close are answered.
 */
export function acceptWebSocket(request: IncomingMessage, stream: Duplex): Socket {
  const key = String(request.headers['sec-websocket-key'] ?? '');
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  stream.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  const messageListeners: ((data: Uint8Array | string) => void)[] = [];
  const closeListeners: (() => void)[] = [];
  let buffer = Buffer.alloc(0);
  let parts: Buffer[] = [];
  let partsText = false;
  let closed = false;
  const ended = () => {
    if (closed) return;
    closed = true;
    closeListeners.forEach((l) => l());
  };
  const close = () => {
    if (!closed) stream.end(frame(0x8, new Uint8Array(0)));
    ended();
  };
  stream.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (buffer.length < 2) return;
      const fin = (buffer[0] as number) & 0x80;
      const opcode = (buffer[0] as number) & 0x0f;
      let length = (buffer[1] as number) & 0x7f;
      let at = 2;
      if (length === 126) [length, at] = [buffer.readUInt16BE(2), 4];
      else if (length === 127) [length, at] = [Number(buffer.readBigUInt64BE(2)), 10];
      if (buffer.length < at + 4 + length) return;
      const mask = buffer.subarray(at, at + 4);
      const payload = Buffer.from(
        buffer.subarray(at + 4, at + 4 + length).map((b, i) => b ^ (mask[i % 4] as number)),
      );
      buffer = buffer.subarray(at + 4 + length);
      if (opcode === 0x8) return close();
      if (opcode === 0x9) stream.write(frame(0xa, payload));
      if (opcode === 0x1 || opcode === 0x2) [parts, partsText] = [[payload], opcode === 0x1];
      else if (opcode === 0x0) parts.push(payload);
      else continue;
      if (!fin) continue;
      const whole = Buffer.concat(parts);
      const message = partsText ? whole.toString('utf8') : new Uint8Array(whole);
      messageListeners.forEach((l) => l(message));
    }
  });
  stream.on('close', ended);
  stream.on('error', () => undefined);
  return {
    send(data) {
      if (closed) return;
      stream.write(typeof data === 'string' ? frame(0x1, new TextEncoder().encode(data)) : frame(0x2, data));
    },
    close,
    onMessage: (l) => messageListeners.push(l),
    onClose: (l) => closeListeners.push(l),
  };
}
