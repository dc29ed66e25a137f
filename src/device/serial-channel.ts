import type { SerialPortLike } from './serial-types.ts';

/** The console speed of the Minnow firmware (docs/PROTOCOL.md P-1). */
export const CONSOLE_BAUD = 115200;

type Listener = (bytes: Uint8Array) => void;

/**
 * An open serial port with one read loop feeding any number of listeners: the serial monitor shows the bytes
 * as text while the protocol client finds its frames in the same stream.
 */
export class SerialChannel {
  private readonly listeners = new Set<Listener>();
  private readonly closeListeners = new Set<(lost: boolean) => void>();
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private loop: Promise<void> = Promise.resolve();
  private open = true;
  /** True once the port failed under the loop: the board was unplugged. */
  lost = false;

  private constructor(readonly port: SerialPortLike) {}

  static async open(port: SerialPortLike, baudRate = CONSOLE_BAUD): Promise<SerialChannel> {
    await port.open({ baudRate });
    const channel = new SerialChannel(port);
    channel.loop = channel.readLoop();
    return channel;
  }

  get isOpen(): boolean {
    return this.open;
  }

  onData(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onClose(listener: (lost: boolean) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async write(data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const writable = this.port.writable;
    if (!writable) throw new DOMException('The port is closed.', 'InvalidStateError');
    const writer = writable.getWriter();
    try {
      await writer.write(bytes);
    } finally {
      writer.releaseLock();
    }
  }

  /** Pulses EN with IO0 released: the board restarts its firmware (and sends `hello`). */
  async resetBoard(): Promise<void> {
    await this.port.setSignals({ dataTerminalReady: false, requestToSend: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await this.port.setSignals({ requestToSend: false });
  }

  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await this.reader?.cancel().catch(() => undefined);
    await this.loop;
    await this.port.close().catch(() => undefined);
  }

  private async readLoop(): Promise<void> {
    while (this.open && this.port.readable) {
      this.reader = this.port.readable.getReader();
      try {
        for (;;) {
          const { value, done } = await this.reader.read();
          if (done) break;
          if (value?.length) for (const listener of this.listeners) listener(value);
        }
      } catch {
        // A read that fails (rather than ends) means the device is gone.
        this.lost = true;
        this.open = false;
      } finally {
        this.reader.releaseLock();
        this.reader = undefined;
      }
    }
    for (const listener of this.closeListeners) listener(this.lost);
  }
}
