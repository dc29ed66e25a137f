import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPartitionTable, modelPartitions } from '../core/blob/partition-table.ts';
import { flashBoard } from './flasher.ts';
import { padded } from './flash-plan.ts';
import { readPartitionTable } from './partition-read.ts';
import { compileExample } from './testing/example-blob.ts';
import { createRig } from './testing/rig.ts';

const MODEL_AT = 0x100000;
const blobA = compileExample(1).blob;
const blobB = compileExample(2).blob;

function writesSince(board: ReturnType<typeof createRig>['board'], mark: number): number[] {
  return board.commands.slice(mark).flatMap((c) => (c.name === 'FLASH_DEFL_BEGIN' ? [c.address ?? -1] : []));
}

describe('flashBoard over esptool-js into the emulated board', () => {
  it('writes firmware, partition table and model, then confirms the model through the firmware info', async () => {
    const { board, build, firmwareFor, port } = createRig();
    const report = await flashBoard({
      port: port(),
      blob: blobA,
      mode: 'full',
      selectedChip: 'esp32c3',
      firmwareFor,
    });
    expect(board.flash.read(MODEL_AT, blobA.length)).toEqual(blobA);
    const table = board.flash.read(0x8000, 0xc00);
    expect(table).toEqual(buildPartitionTable(modelPartitions()));
    expect(readPartitionTable(table).find((p) => p.name === 'model')).toMatchObject({
      type: 0x40,
      offset: MODEL_AT,
      size: 0x100000,
    });
    for (const [path, data] of build.files) {
      const file = build.manifest.builds[0]?.files.find((f) => f.path === path);
      expect(board.flash.read(file?.offset as number, data.length)).toEqual(data);
    }
    expect(report.chip).toBe('esp32c3');
    expect(report.written.map((r) => r.role)).toEqual(['bootloader', 'partition-table', 'app', 'model']);
    expect(report.info?.model?.name).toBe('mnist-mlp');
    expect(board.state).toBe('firmware');
  });

  it('re-flashing after retraining writes only the model partition, and sends its deflated bytes', async () => {
    const { board, firmwareFor, port } = createRig();
    await flashBoard({ port: port(), blob: blobA, mode: 'full', firmwareFor });
    const mark = board.commands.length;
    const report = await flashBoard({ port: port(), blob: blobB, mode: 'full', firmwareFor });
    expect(writesSince(board, mark)).toEqual([MODEL_AT]);
    expect(report.skipped.map((r) => r.role)).toEqual(['bootloader', 'partition-table', 'app']);
    // pako level 9 and zlib level 9 produce the same stream; the wire carries nothing else of the model.
    expect(board.flashDataBytes(mark)).toBe(deflateSync(padded(blobB), { level: 9 }).length);
    expect(board.flash.read(MODEL_AT, blobB.length)).toEqual(blobB);
  });

  it("updates the model only, finding the model partition in the board's own partition table", async () => {
    const { board, firmwareFor, port } = createRig();
    await flashBoard({ port: port(), blob: blobA, mode: 'full', firmwareFor, confirm: false });
    const mark = board.commands.length;
    const report = await flashBoard({ port: port(), blob: blobB, mode: 'model-only' });
    expect(writesSince(board, mark)).toEqual([MODEL_AT]);
    expect(report.info?.model?.crc).not.toBe(undefined);
    expect(board.flash.read(MODEL_AT, blobB.length)).toEqual(blobB);
  });
});
