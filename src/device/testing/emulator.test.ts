import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { ESPLoader, Transport } from 'esptool-js';
import { describe, expect, it } from 'vitest';
import { EmulatedBoard } from './board.ts';
import { FakeSerialPort } from './fake-serial-port.ts';
import { SlipDecoder, slipEncode } from './slip.ts';

const quiet = { clean: () => undefined, writeLine: () => undefined, write: () => undefined };

/** A request packet built from FACTS §D.2, independently of esptool-js. */
function request(op: number, data: Uint8Array, checksum = 0): Uint8Array {
  const out = new Uint8Array(8 + data.length);
  const view = new DataView(out.buffer);
  out[1] = op;
  view.setUint16(2, data.length, true);
  view.setUint32(4, checksum, true);
  out.set(data, 8);
  return slipEncode(out);
}

const words = (...v: number[]) => new Uint8Array(Uint32Array.from(v).buffer);
const SYNC = Uint8Array.from([7, 7, 0x12, 0x20, ...new Array<number>(32).fill(0x55)]);

/** A board in download mode with a host that collects its reply packets. */
function romBoard() {
  const board = new EmulatedBoard();
  const replies: Uint8Array[] = [];
  const slip = new SlipDecoder();
  board.open({ deliver: (b) => replies.push(...slip.push(b)), lost: () => undefined }, 115200);
  board.signals({ dtr: false, rts: true });
  board.signals({ dtr: true, rts: false });
  return { board, replies, send: (bytes: Uint8Array) => board.write(bytes) };
}

describe('SLIP', () => {
  it('escapes 0xC0 and 0xDB and decodes back, dropping noise between packets', () => {
    const packet = Uint8Array.of(1, 0xc0, 2, 0xdb, 3);
    const wire = slipEncode(packet);
    expect([...wire]).toEqual([0xc0, 1, 0xdb, 0xdc, 2, 0xdb, 0xdd, 3, 0xc0]);
    expect(new SlipDecoder().push(Uint8Array.of(0x41, 0x42, ...wire))).toEqual([packet]);
  });
});

describe('the emulated ROM (FACTS §D)', () => {
  it('enters download mode through the auto-reset circuit, not on open or close', () => {
    const board = new EmulatedBoard();
    expect(board.state).toBe('halted');
    board.open({ deliver: () => undefined, lost: () => undefined }, 115200);
    board.close();
    expect(board.state).toBe('halted');
    const { board: rom } = romBoard();
    expect(rom.state).toBe('rom');
  });

  it('answers SYNC eight times with the ROM value and 4 status bytes', () => {
    const { replies, send } = romBoard();
    send(request(0x08, SYNC));
    expect(replies).toHaveLength(8);
    expect([...(replies[0] as Uint8Array)]).toEqual([1, 8, 4, 0, 0x07, 0x07, 0x12, 0x20, 0, 0, 0, 0]);
  });

  it('requires the 8-byte SPI_ATTACH before flash access, checks data checksums and answers MD5 in hex', () => {
    const { board, replies, send } = romBoard();
    const status = () => (replies.at(-1) as Uint8Array).subarray(-4, -2);
    send(request(0x10, words(4, 1, 0x4000, 0x1000, 0)));
    expect([...status()]).toEqual([1, 0x08]);
    send(request(0x0d, words(0)));
    expect([...status()]).toEqual([1, 0x05]);
    send(request(0x0d, words(0, 0)));
    expect([...status()]).toEqual([0, 0]);
    const data = deflateSync(Uint8Array.of(1, 2, 3, 4));
    send(request(0x10, words(4, 1, 0x4000, 0x1000, 0)));
    const block = Uint8Array.from([...words(data.length, 0, 0, 0), ...data]);
    send(request(0x11, block, 0));
    expect([...status()]).toEqual([1, 0x07]);
    const sum = data.reduce((s, b) => s ^ b, 0xef);
    send(request(0x11, block, sum));
    expect([...status()]).toEqual([0, 0]);
    expect([...board.flash.read(0x1000, 4)]).toEqual([1, 2, 3, 4]);
    send(request(0x13, words(0x1000, 4, 0, 0)));
    const hex = new TextDecoder().decode((replies.at(-1) as Uint8Array).subarray(8, 40));
    expect(hex).toBe(
      createHash('md5')
        .update(Uint8Array.of(1, 2, 3, 4))
        .digest('hex'),
    );
  });

  it('records every byte on the wire and can be unplugged after N bytes', () => {
    const { board, send } = romBoard();
    const before = board.wire.toBoard;
    send(request(0x08, SYNC));
    expect(board.wire.toBoard - before).toBe(request(0x08, SYNC).length);
    expect(board.wire.trace.filter((t) => t.dir === 'toHost').reduce((n, t) => n + t.bytes.length, 0)).toBe(
      board.wire.toHost,
    );
    board.unplugAfter(10);
    send(request(0x08, SYNC));
    expect(board.unplugged).toBe(true);
    expect(board.wire.toBoard - before).toBe(request(0x08, SYNC).length + 10);
  });
});

describe('esptool-js 0.7.0 against the emulator', () => {
  for (const chip of ['esp32', 'esp32c3']) {
    it(`detects an ${chip}, runs the stub, changes baud and writes compressed data with MD5 check`, async () => {
      const board = new EmulatedBoard({ chip });
      const transport = new Transport(new FakeSerialPort(board) as never, false);
      transport.trace = () => undefined;
      const loader = new ESPLoader({ transport, baudrate: 921600, romBaudrate: 115200, terminal: quiet });
      const description = await loader.main();
      expect(loader.chip.CHIP_NAME.toLowerCase().replace('-', '')).toBe(chip);
      expect(description).toMatch(/revision/);
      expect(board.state).toBe('stub');
      const data = Uint8Array.from({ length: 70_001 }, (_, i) => (i % 251) ^ (i >> 9));
      await loader.writeFlash({
        fileArray: [{ data, address: 0x20000 }],
        flashMode: 'keep',
        flashFreq: 'keep',
        flashSize: 'keep',
        eraseAll: false,
        compress: true,
        calculateMD5Hash: (img: Uint8Array) => createHash('md5').update(img).digest('hex'),
      });
      expect(board.flash.read(0x20000, data.length)).toEqual(data);
      expect(board.flash.read(0x20000 + data.length, 3)).toEqual(Uint8Array.of(0xff, 0xff, 0xff));
      expect(board.commands.map((c) => c.name)).toEqual(
        expect.arrayContaining(['MEM_END', 'CHANGE_BAUDRATE', 'FLASH_DEFL_END', 'SPI_FLASH_MD5']),
      );
      await transport.disconnect();
    });
  }
});
