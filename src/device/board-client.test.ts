import { describe, expect, it } from 'vitest';
import residualSpec from '../../examples/residual.json';
import { readBlob } from '../core/blob/reader.ts';
import { prepare, run } from '../core/reference/interpreter.ts';
import type { MinnowError } from '../core/errors.ts';
import { decodeInfo } from '../core/protocol/index.ts';
import { checkBlobVersion } from './board-info.ts';
import { runOnBoard, selfTestOnBoard } from './board-commands.ts';
import { quantizeInput, validateOnDevice } from './validate.ts';
import { compileExample } from './testing/example-blob.ts';
import { boardClients } from './testing/client-rig.ts';
import { describeModel, encodeInfo, silentFirmware } from './testing/scripted-firmware.ts';
import { findVirtualBoard, VIRTUAL_BOARD_MISSING, virtualBoardFirmware } from './testing/virtual-board.ts';

const binary = findVirtualBoard();
const clientFor = boardClients();

function reference(blob: Uint8Array, input: Int8Array): Int8Array {
  const program = prepare(readBlob(blob));
  return run(program, input, new Uint8Array(program.blob.header.arenaSize));
}

describe.skipIf(!binary)(
  `protocol client against the virtual board process${binary ? '' : ` — skipped: ${VIRTUAL_BOARD_MISSING}`}`,
  () => {
    const mnist = compileExample(3);

    it('info describes the flashed blob and the board heap', async () => {
      const client = await clientFor(virtualBoardFirmware({ largest: 150_000 }), mnist.blob);
      const info = await client.info();
      expect(info.model?.name).toBe('mnist-mlp');
      expect(info.model?.crc).toBe(readBlob(mnist.blob).header.crc);
      expect(info.largestFreeBlock).toBe(150_000);
      expect(info.chip).toBe('esp32c3');
    });

    it('the scripted stand-in encodes info exactly as the C server does (P-11)', async () => {
      const client = await clientFor(virtualBoardFirmware(), mnist.blob);
      const raw = (await client.request('info')).final.payload;
      expect(encodeInfo(decodeInfo(raw))).toEqual(raw);
      expect(describeModel(mnist.blob)).toEqual({ modelStatus: 0, model: decodeInfo(raw).model });
    });

    it('run returns the output bytes core/reference computes, with cycles and the arena used', async () => {
      const client = await clientFor(virtualBoardFirmware(), mnist.blob);
      const input = quantizeInput(readBlob(mnist.blob), mnist.samples[0] as Float32Array);
      const result = await runOnBoard(client, input);
      expect(result.output).toEqual(reference(mnist.blob, input));
      expect(result.arenaUsed).toBe(readBlob(mnist.blob).header.arenaSize); // P-13, F-15
      expect(result.steps).toBeGreaterThan(0);
    });

    it('an input larger than one frame goes in load chunks', async () => {
      const big = compileExample(4, residualSpec);
      const client = await clientFor(virtualBoardFirmware(), big.blob);
      const input = quantizeInput(readBlob(big.blob), big.samples[1] as Float32Array);
      expect(input.length).toBeGreaterThan(1024);
      expect((await runOnBoard(client, input)).output).toEqual(reference(big.blob, input));
    });

    it('selftest passes, and validate-on-device agrees to the byte on every sample', async () => {
      const client = await clientFor(virtualBoardFirmware(), mnist.blob);
      expect((await selfTestOnBoard(client)).pass).toBe(true);
      const blob = readBlob(mnist.blob);
      const samples = mnist.samples.map((s, i) => ({ input: quantizeInput(blob, s), label: i % 10 }));
      const report = await validateOnDevice(client, mnist.blob, samples);
      expect(report).toMatchObject({
        samples: 8,
        identical: 8,
        agreementPercent: 100,
        byteMismatches: 0,
        labelled: 8,
      });
      const argmax = (v: Int8Array) => v.indexOf(Math.max(...v));
      const expected = samples.filter((s) => argmax(reference(mnist.blob, s.input)) === s.label).length;
      expect(report.correct).toBe(expected);
    });

    it('a board error comes back coded, with the catalog hint', async () => {
      const client = await clientFor(virtualBoardFirmware());
      const error = (await runOnBoard(client, new Int8Array(784)).catch((e: unknown) => e)) as MinnowError;
      expect(error.id).toBe('BOARD_ERROR');
      expect(error.message).toMatch(/E505: NO_MODEL/);
      expect(error.hint).toMatch(/Flash a model from the app/);
    });
  },
);

describe('protocol client without a Minnow firmware', () => {
  it('a board that never answers times out as BOARD_SILENT', async () => {
    const client = await clientFor(silentFirmware);
    const error = (await client.info({ timeoutMs: 300 }).catch((e: unknown) => e)) as MinnowError;
    expect(error.id).toBe('BOARD_SILENT');
    expect(error.message).toBe('The board did not answer "info" within 300 ms.');
  });

  it('firmware that reads only older blob versions is refused before a model-only flash', () => {
    expect(() => checkBlobVersion({ firmwareVersion: '0.1.0', blobVersions: { min: 1, max: 1 } }, 2)).toThrow(
      /reads model blob versions 1 to 1; this model is version 2/,
    );
    expect(() =>
      checkBlobVersion({ firmwareVersion: '0.2.0', blobVersions: { min: 1, max: 2 } }, 2),
    ).not.toThrow();
  });
});
