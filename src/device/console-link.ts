import type { BoardInfo } from '../core/protocol/index.ts';
import { BoardClient } from './board-client.ts';
import { SerialChannel } from './serial-channel.ts';
import type { SerialPortLike } from './serial-types.ts';

export interface ConsoleEvents {
  /** Every byte from the board, for the serial monitor. */
  readonly bytes: (chunk: Uint8Array) => void;
  /** The firmware restarted (P-9 hello). */
  readonly hello: (info: BoardInfo) => void;
  /** The port failed under the read loop: the board was unplugged. */
  readonly lost: () => void;
}

/** The board's console while nothing is flashing: one open port feeding the monitor and the protocol client. */
export class ConsoleLink {
  private constructor(
    private readonly channel: SerialChannel,
    readonly client: BoardClient,
  ) {}

  static async open(port: SerialPortLike, events: ConsoleEvents): Promise<ConsoleLink> {
    const channel = await SerialChannel.open(port);
    const client = new BoardClient(channel);
    channel.onData(events.bytes);
    client.onHello(events.hello);
    channel.onClose((lost) => lost && events.lost());
    return new ConsoleLink(channel, client);
  }

  resetBoard(): Promise<void> {
    return this.channel.resetBoard();
  }

  async close(): Promise<void> {
    this.client.dispose();
    await this.channel.close();
  }
}
