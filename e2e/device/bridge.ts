/**
 * The serial bridge for browser tests: an HTTP server that owns an emulated board (ROM + stub emulator, then
 * the virtual board process as its firmware) and plugs page-side fake ports into it over a WebSocket at
 * /serial. It also serves the placeholder firmware and its manifest at /firmware/, as public/firmware/ would.
 *
 *   npx tsx e2e/device/bridge.ts   (prints its URLs; open e2e/device/flash.html?bridge=<ws url> in Chromium)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmulatedBoard, type BoardOptions, type HostLink } from '../../src/device/testing/board.ts';
import { placeholderBuild, type PlaceholderBuild } from '../../src/device/testing/placeholder-firmware.ts';
import { scriptedFirmware } from '../../src/device/testing/scripted-firmware.ts';
import { findVirtualBoard, virtualBoardFirmware } from '../../src/device/testing/virtual-board.ts';
import { acceptWebSocket, type Socket } from './ws-server.ts';

export interface Bridge {
  /** http://127.0.0.1:<port>/ — firmware files under firmware/. */
  readonly url: string;
  /** ws://127.0.0.1:<port>/serial */
  readonly serialUrl: string;
  readonly board: EmulatedBoard;
  readonly build: PlaceholderBuild;
  /** True when the firmware is the virtual board process (it can run models), false for the scripted one. */
  readonly virtualBoard: boolean;
  close(): Promise<void>;
}

type Control =
  { type: 'open'; baud: number } | { type: 'close' } | { type: 'signals'; dtr?: boolean; rts?: boolean };

function plug(board: EmulatedBoard, socket: Socket, current: { host?: HostLink }): void {
  const host: HostLink = {
    deliver: (bytes) => socket.send(bytes),
    lost: () => socket.send(JSON.stringify({ type: 'lost' })),
  };
  socket.onMessage((data) => {
    if (typeof data !== 'string') return board.write(data);
    const message = JSON.parse(data) as Control;
    if (message.type === 'open') {
      current.host = host;
      board.open(host, message.baud);
    } else if (current.host !== host) {
      // A port the page has since replaced: its late close or signals must not touch the board.
    } else if (message.type === 'close') {
      current.host = undefined;
      board.close();
    } else {
      board.signals(message);
    }
  });
  socket.onClose(() => {
    if (current.host !== host) return;
    current.host = undefined;
    board.close();
  });
}

export async function startBridge(options: BoardOptions = {}): Promise<Bridge> {
  const binary = findVirtualBoard();
  const board = new EmulatedBoard({
    firmware: binary ? virtualBoardFirmware({ binary }) : scriptedFirmware(),
    ...options,
  });
  const build = placeholderBuild([board.chip.id]);
  const current: { host?: HostLink } = {};
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(
      /^\/firmware\//,
      '',
    );
    const body = path === 'manifest.json' ? JSON.stringify(build.manifest) : build.files.get(path);
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (body === undefined) return void response.writeHead(404).end();
    response.writeHead(200, {
      'Content-Type': path.endsWith('.json') ? 'application/json' : 'application/octet-stream',
    });
    response.end(body);
  });
  server.on('upgrade', (request, stream) => plug(board, acceptWebSocket(request, stream), current));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    serialUrl: `ws://127.0.0.1:${port}/serial`,
    board,
    build,
    virtualBoard: binary !== undefined,
    close: () =>
      new Promise((resolve) => {
        board.unplug();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] === import.meta.filename) {
  const bridge = await startBridge();
  console.log(`serial bridge: ${bridge.serialUrl}\nfirmware:      ${bridge.url}firmware/manifest.json`);
  console.log(
    bridge.virtualBoard
      ? 'firmware: the virtual board process'
      : 'firmware: scripted (virtual board not built)',
  );
}
