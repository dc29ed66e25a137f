/**
 * The page side of the serial bridge: a fake navigator.serial whose ports are FakeSerialPorts linked to the
 * emulated board over a WebSocket (bridge.ts). Bundled as a classic script for page.addInitScript, where it
 * installs itself from window.minnowBridge; the device harness page also calls installFakeSerial directly.
 */
import type { SerialLike, SerialPortInfoLike } from '../../src/device/serial-types.ts';
import type { HostLink } from '../../src/device/testing/board.ts';
import { FakeSerialPort, type PortLink } from '../../src/device/testing/fake-serial-port.ts';

export interface BridgeConfig {
  /** ws://host:port/serial */
  readonly url: string;
  readonly info?: SerialPortInfoLike;
}

class SocketLink implements PortLink {
  private host: HostLink | undefined;

  private constructor(private readonly socket: WebSocket) {
    socket.binaryType = 'arraybuffer';
    socket.onmessage = (event: MessageEvent<ArrayBuffer | string>) => {
      if (typeof event.data === 'string') {
        if ((JSON.parse(event.data) as { type: string }).type === 'lost') this.host?.lost();
      } else {
        this.host?.deliver(new Uint8Array(event.data));
      }
    };
  }

  static connect(url: string): Promise<SocketLink> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.onopen = () => resolve(new SocketLink(socket));
      socket.onerror = () => reject(new DOMException('No port selected by the user.', 'NotFoundError'));
    });
  }

  open(host: HostLink, baud: number): void {
    this.host = host;
    this.socket.send(JSON.stringify({ type: 'open', baud }));
  }

  close(): void {
    this.socket.send(JSON.stringify({ type: 'close' }));
    this.host = undefined;
  }

  write(bytes: Uint8Array): void {
    this.socket.send(bytes as Uint8Array<ArrayBuffer>);
  }

  signals(change: { dtr?: boolean; rts?: boolean }): void {
    this.socket.send(JSON.stringify({ type: 'signals', ...change }));
  }
}

/** Replaces navigator.serial: every requestPort() plugs a new port object into the bridged board. */
export function installFakeSerial(config: BridgeConfig): void {
  const serial: SerialLike = {
    requestPort: async () =>
      new FakeSerialPort(await SocketLink.connect(config.url), config.info ? { info: config.info } : {}),
    getPorts: async () => [],
  };
  Object.defineProperty(navigator, 'serial', { value: serial, configurable: true });
}

const preset = (globalThis as { minnowBridge?: BridgeConfig }).minnowBridge;
if (preset) installFakeSerial(preset);
