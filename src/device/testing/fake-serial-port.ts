import type { SerialPortLike, SerialPortInfoLike, SerialSignals } from '../serial-types.ts';
import type { HostLink } from './board.ts';

/** What a fake port is plugged into: an EmulatedBoard in Node, or the browser bridge's socket. */
export interface PortLink {
  open(host: HostLink, baud: number): void;
  close(): void;
  write(bytes: Uint8Array): void;
  signals(change: { dtr?: boolean; rts?: boolean }): void;
}

export interface FakePortOptions {
  readonly info?: SerialPortInfoLike;
  /** Make open() fail as Chromium does when another program holds the port, or access is refused. */
  readonly openError?: 'busy' | 'denied';
}

const lostError = () => new DOMException('The device has been lost.', 'NetworkError');

/**
 * A Web Serial SerialPort with the members esptool-js and the app use (FACTS §C.2): open/close (again and
 * again), readable/writable streams recreated after a cancel as Chromium does, setSignals and getInfo.
 */
export class FakeSerialPort implements SerialPortLike {
  private opened = false;
  private lost = false;
  private reader: ReadableStream<Uint8Array> | null = null;
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  private writer: WritableStream<Uint8Array> | null = null;
  private readonly disconnectListeners = new Set<() => void>();

  constructor(
    private readonly link: PortLink,
    private readonly options: FakePortOptions = {},
  ) {}

  addEventListener(_type: 'disconnect', listener: () => void): void {
    this.disconnectListeners.add(listener);
  }

  removeEventListener(_type: 'disconnect', listener: () => void): void {
    this.disconnectListeners.delete(listener);
  }

  getInfo(): SerialPortInfoLike {
    return this.options.info ?? { usbVendorId: 0x10c4, usbProductId: 0xea60 };
  }

  async open(options: { baudRate: number }): Promise<void> {
    if (this.options.openError === 'busy')
      throw new DOMException('Failed to open serial port.', 'NetworkError');
    if (this.options.openError === 'denied') throw new DOMException('Access denied.', 'SecurityError');
    if (this.lost) throw new DOMException('Failed to open serial port.', 'NetworkError');
    if (this.opened) throw new DOMException('The port is already open.', 'InvalidStateError');
    this.opened = true;
    this.link.open(
      { deliver: (bytes) => this.deliver(bytes), lost: () => this.loseDevice() },
      options.baudRate,
    );
    void this.readable;
  }

  async close(): Promise<void> {
    if (!this.lost && (this.reader?.locked || this.writer?.locked))
      throw new DOMException('The port is locked.', 'InvalidStateError');
    if (!this.opened) return;
    this.opened = false;
    if (this.reader) await this.reader.cancel().catch(() => undefined);
    this.reader = this.controller = this.writer = null;
    if (!this.lost) this.link.close();
  }

  async setSignals(signals: SerialSignals): Promise<void> {
    if (this.lost) throw lostError();
    if (!this.opened) throw new DOMException('The port is closed.', 'InvalidStateError');
    this.link.signals({
      ...(signals.dataTerminalReady === undefined ? {} : { dtr: signals.dataTerminalReady }),
      ...(signals.requestToSend === undefined ? {} : { rts: signals.requestToSend }),
    });
  }

  get readable(): ReadableStream<Uint8Array> | null {
    if (!this.opened || this.lost) return null;
    this.reader ??= new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller;
      },
      cancel: () => {
        this.reader = this.controller = null;
      },
    });
    return this.reader;
  }

  /** After the device is lost, writes reject with NetworkError until the page closes the port. */
  get writable(): WritableStream<Uint8Array> | null {
    if (!this.opened) return null;
    this.writer ??= new WritableStream<Uint8Array>({
      write: (chunk) => {
        if (this.lost) {
          // As in the Web Serial spec, a failed stream is dropped; the next access gets a fresh one.
          this.writer = null;
          throw lostError();
        }
        this.link.write(Uint8Array.from(chunk));
      },
    });
    return this.writer;
  }

  private deliver(bytes: Uint8Array): void {
    this.controller?.enqueue(bytes.slice());
  }

  private loseDevice(): void {
    this.lost = true;
    this.controller?.error(lostError());
    this.controller = null;
    for (const listener of this.disconnectListeners) listener();
  }
}
