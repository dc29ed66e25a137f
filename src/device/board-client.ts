import { ERRORS, MinnowError, type ErrorDef } from '../core/errors.ts';
import {
  decodeErr,
  decodeInfo,
  encodeFrame,
  FrameScanner,
  PROTOCOL_VERSION,
  type BoardInfo,
  type Frame,
} from '../core/protocol/index.ts';
import type { SerialChannel } from './serial-channel.ts';

export interface Reply {
  readonly final: Frame;
  readonly partials: readonly Frame[];
  /** Milliseconds from sending the request to its final frame. */
  readonly roundTripMs: number;
}

export interface RequestOptions {
  readonly timeoutMs?: number;
  /**
   * Sees each partial frame as it arrives, before the final one (a streamed reply such as P-16 `tok`). What it
   * throws ends the request with that error.
   */
  readonly onPartial?: (frame: Frame) => void;
  /**
   * A stream (P-19), which may last for minutes: the timeout counts from the last frame instead of the
   * request, and partial frames go to `onPartial` only (the reply's `partials` stays empty).
   */
  readonly stream?: boolean;
}

const DEFAULT_TIMEOUT_MS = 2000;

/** P-15 `err` as a coded error: the board's message, with the catalog's hint for its code. */
function boardError(kind: string, payload: Uint8Array): MinnowError {
  const { code, message } = decodeErr(payload);
  const def = Object.values(ERRORS as Record<string, ErrorDef>).find((d) => d.code === code);
  return new MinnowError('BOARD_ERROR', {
    kind,
    code,
    detail: message,
    hint: def?.hint ?? 'Flash the Minnow firmware that matches this app.',
  });
}

/**
 * Requests over docs/PROTOCOL.md frames (P-8): one at a time, each answered by partial frames and one final
 * frame with its `seq`, or a timeout. Frames of other requests, log text and damaged frames are ignored.
 */
export class BoardClient {
  private readonly scanner = new FrameScanner();
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private pending: ((frame: Frame) => void) | undefined;
  /** A stream (P-19) is the request in progress. */
  private streaming = false;
  private readonly helloListeners = new Set<(info: BoardInfo) => void>();
  private readonly detach: () => void;

  constructor(
    readonly channel: SerialChannel,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {
    this.detach = channel.onData((bytes) => {
      for (const frame of this.scanner.push(bytes)) this.receive(frame);
    });
  }

  /** P-9: the board restarted (after a reset or a flash); any input loaded before is gone. */
  onHello(listener: (info: BoardInfo) => void): () => void {
    this.helloListeners.add(listener);
    return () => this.helloListeners.delete(listener);
  }

  request(
    kind: string,
    payload: Uint8Array = new Uint8Array(0),
    options: RequestOptions = {},
  ): Promise<Reply> {
    // P-19: any request ends a stream; asking now lets the queued request run instead of waiting forever.
    if (this.streaming) void this.sendStop().catch(() => undefined);
    const next = this.queue.then(() =>
      this.exchange(kind, payload, { ...options, timeoutMs: options.timeoutMs ?? this.timeoutMs }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  async info(options: RequestOptions = {}): Promise<BoardInfo> {
    return decodeInfo((await this.request('info', undefined, options)).final.payload);
  }

  /**
   * P-19: `stop` sent beside the request in progress (a stream), which the board then ends with its final
   * reply. The reply to `stop` itself is not awaited: the stream's final frame is what the caller waits for.
   */
  async sendStop(): Promise<void> {
    this.seq = (this.seq % 0xffff) + 1;
    await this.channel.write(
      encodeFrame({ version: PROTOCOL_VERSION, seq: this.seq, kind: 'stop', payload: new Uint8Array(0) }),
    );
  }

  dispose(): void {
    this.detach();
  }

  private receive(frame: Frame): void {
    if (frame.kind === 'hello' && frame.seq === 0) {
      try {
        const info = decodeInfo(frame.payload);
        for (const listener of this.helloListeners) listener(info);
      } catch {
        // A hello of another protocol version: the next `info` tells.
      }
      return;
    }
    this.pending?.(frame);
  }

  private exchange(
    kind: string,
    payload: Uint8Array,
    { timeoutMs, onPartial, stream }: RequestOptions & { timeoutMs: number },
  ): Promise<Reply> {
    this.seq = (this.seq % 0xffff) + 1;
    const seq = this.seq;
    const partials: Frame[] = [];
    const started = performance.now();
    return new Promise<Reply>((resolve, reject) => {
      const silent = () => finish(() => reject(new MinnowError('BOARD_SILENT', { kind, ms: timeoutMs })));
      let timer = setTimeout(silent, timeoutMs);
      this.streaming = stream === true;
      const finish = (settle: () => void) => {
        this.streaming = false;
        clearTimeout(timer);
        this.pending = undefined;
        settle();
      };
      this.pending = (frame) => {
        if (frame.seq !== seq) return;
        if (frame.kind === kind)
          finish(() => resolve({ final: frame, partials, roundTripMs: performance.now() - started }));
        else if (frame.kind === 'err') finish(() => reject(boardError(kind, frame.payload)));
        else {
          if (stream) {
            clearTimeout(timer);
            timer = setTimeout(silent, timeoutMs);
          } else partials.push(frame);
          try {
            onPartial?.(frame);
          } catch (e) {
            finish(() => reject(e));
          }
        }
      };
      const text = encodeFrame({ version: PROTOCOL_VERSION, seq, kind, payload });
      this.channel.write(text).catch((e: unknown) => finish(() => reject(e)));
    });
  }
}
