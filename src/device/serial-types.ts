/**
 * The parts of Web Serial (WICG) the app uses, declared here because TypeScript's DOM library has none. A real
 * `SerialPort` satisfies SerialPortLike; tests pass a fake one.
 */
export interface SerialPortInfoLike {
  readonly usbVendorId?: number;
  readonly usbProductId?: number;
}

export interface SerialSignals {
  readonly dataTerminalReady?: boolean;
  readonly requestToSend?: boolean;
  readonly break?: boolean;
}

export interface SerialOpenOptions {
  readonly baudRate: number;
  readonly dataBits?: number;
  readonly stopBits?: number;
  readonly parity?: string;
  readonly bufferSize?: number;
  readonly flowControl?: string;
}

export interface SerialPortLike {
  open(options: SerialOpenOptions): Promise<void>;
  close(): Promise<void>;
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
  setSignals(signals: SerialSignals): Promise<void>;
  getInfo(): SerialPortInfoLike;
  /** Chromium fires "disconnect" on the port when its device is unplugged. */
  addEventListener?(type: 'disconnect', listener: () => void): void;
  removeEventListener?(type: 'disconnect', listener: () => void): void;
}

export interface SerialPortFilterLike {
  readonly usbVendorId?: number;
  readonly usbProductId?: number;
}

/** `navigator.serial`. */
export interface SerialLike {
  requestPort(options?: { filters?: readonly SerialPortFilterLike[] }): Promise<SerialPortLike>;
  getPorts(): Promise<SerialPortLike[]>;
}

/** navigator.serial where the browser has Web Serial (Chromium, secure context); undefined elsewhere. */
export function browserSerial(): SerialLike | undefined {
  if (typeof navigator === 'undefined') return undefined;
  return (navigator as Navigator & { serial?: SerialLike }).serial;
}
