/**
 * `npx tsx scripts/bench-flash.ts`: figures, not pass/fail. Flashes the MNIST MLP through esptool-js 0.7.0 into
 * the emulated ESP32-C3 and counts the bytes on the wire: a full flash, then a re-flash after "retraining"
 * (smart: only changed regions), then an explicit model-only update. Wire time is estimated from the bytes and
 * the baud rate each was sent at (10 bits per byte, 8N1); the emulator itself does not throttle.
 */
import { deflateSync } from 'node:zlib';
import { flashBoard, type FlashReport } from '../src/device/flasher.ts';
import { padded } from '../src/device/flash-plan.ts';
import { compileExample } from '../src/device/testing/example-blob.ts';
import { PLACEHOLDER_NOTE } from '../src/device/testing/placeholder-firmware.ts';
import { createRig } from '../src/device/testing/rig.ts';

const BAUD = 921600;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(10);

interface Figures {
  readonly label: string;
  readonly toBoard: number;
  readonly toHost: number;
  readonly flashData: number;
  readonly wireSeconds: number;
  readonly wallSeconds: number;
  readonly report: FlashReport;
}

async function measure(
  label: string,
  rig: ReturnType<typeof createRig>,
  run: () => Promise<FlashReport>,
): Promise<Figures> {
  const { board } = rig;
  const [trace, commands, toBoard, toHost] = [
    board.wire.trace.length,
    board.commands.length,
    board.wire.toBoard,
    board.wire.toHost,
  ];
  const started = performance.now();
  const report = await run();
  const wallSeconds = (performance.now() - started) / 1000;
  const wireSeconds = board.wire.seconds(trace);
  return {
    label,
    toBoard: board.wire.toBoard - toBoard,
    toHost: board.wire.toHost - toHost,
    flashData: board.flashDataBytes(commands),
    wireSeconds,
    wallSeconds,
    report,
  };
}

async function main(): Promise<void> {
  const trained = compileExample(1).blob;
  const retrained = compileExample(2).blob;
  const rig = createRig();
  const { firmwareFor, port } = rig;
  const image = await firmwareFor('esp32c3', undefined);
  console.log(`# Flash bench: MNIST MLP on the emulated ESP32-C3, esptool-js 0.7.0 stub path, ${BAUD} baud`);
  console.log(`Note: ${PLACEHOLDER_NOTE}.\n`);
  console.log(`${'region'.padEnd(30)}address       bytes  deflated (zlib 9)  ratio`);
  for (const f of [
    ...(image?.files ?? []),
    { name: 'model (MNIST MLP blob)', offset: 0x100000, data: trained },
  ]) {
    const deflated = deflateSync(padded(f.data), { level: 9 }).length;
    const ratio = (deflated / f.data.length).toFixed(3);
    console.log(
      `${f.name.padEnd(30)}0x${f.offset.toString(16).padStart(6, '0')} ${kb(f.data.length)} ${kb(deflated)}       ${ratio}`,
    );
  }
  const runs = [
    await measure('full flash (new board)', rig, () =>
      flashBoard({ port: port(), blob: trained, mode: 'full', firmwareFor }),
    ),
    await measure('re-flash after retraining', rig, () =>
      flashBoard({ port: port(), blob: retrained, mode: 'full', firmwareFor }),
    ),
    await measure('model-only update', rig, () =>
      flashBoard({ port: port(), blob: trained, mode: 'model-only' }),
    ),
  ];
  console.log(
    '\nrun                          to board   from board  flash data (deflated)  est. wire time  emulator wall  regions written',
  );
  for (const r of runs) {
    const written = r.report.written.map((w) => w.role).join(', ');
    console.log(
      `${r.label.padEnd(27)}${kb(r.toBoard)}  ${kb(r.toHost)}   ${kb(r.flashData)}           ${r.wireSeconds.toFixed(2).padStart(6)} s     ${r.wallSeconds.toFixed(2).padStart(6)} s   ${written}`,
    );
  }
  const [full, , modelOnly] = runs as [Figures, Figures, Figures];
  console.log(
    `\nbytes to the board: full flash ${full.toBoard}, model-only update ${modelOnly.toBoard} ` +
      `(${(modelOnly.toBoard / full.toBoard).toFixed(3)} of the full flash); ` +
      `deflated model ${modelOnly.flashData} of ${trained.length} bytes`,
  );
  console.log(
    'Wire bytes include the connection (SYNC, stub upload at 115200 baud, baud change), MD5 checks of every region, and SLIP framing.',
  );
}

await main();
