import { describe, expect, it } from 'vitest';
import { compileModel } from '../blob/compile.ts';
import { readBlob } from '../blob/reader.ts';
import { layout, mutate } from '../blob/test-blob.ts';
import { isMinnowError, type ErrorId } from '../errors.ts';
import { analyzeModel } from '../model/analyze.ts';
import { createRandom } from '../random.ts';
import { quantizeTensor } from '../quant/calibrate.ts';
import { floatSpectrogram } from '../quant/spectrogram-float.ts';
import { audioFeatures, SPECTROGRAM_DEFAULTS, tablesFor } from '../quant/spectrogram.ts';
import { prepare, run } from './interpreter.ts';
import { spectrogramInt } from './spectrogram-math.ts';

const rnd = createRandom(19);
const clip = (f: (i: number) => number) => Float32Array.from({ length: 16000 }, (_, i) => f(i));
const noise = (level: number) => clip(() => level * (2 * rnd.float() - 1));
const tone = (hz: number, level: number) => clip((i) => level * Math.sin((2 * Math.PI * hz * i) / 16000));
const mix = (a: Float32Array, b: Float32Array) => a.map((v, i) => v + (b[i] as number));

const spec = {
  format: 'minnow-model',
  version: 1,
  name: 'features',
  input: { shape: [16000] },
  layers: [{ id: 'spec', type: 'Spectrogram' }],
};

function compiled() {
  const model = analyzeModel(spec);
  return compileModel(model, {}, { calibration: [noise(0.1)], testVector: true });
}

describe('the Spectrogram kernel [F-76] [F-77] [F-78]', () => {
  const tables = tablesFor(SPECTROGRAM_DEFAULTS);

  /** Largest |int8 − 8·float| over a clip, in output steps. */
  const worstStep = (x: Float32Array) => {
    const ints = spectrogramInt(
      Array.from(x, (v) => Math.round(v * 32768)),
      tables,
      -128,
      127,
    );
    const reals = floatSpectrogram(x, tables);
    return Math.max(...ints.map((q, i) => Math.abs(q - 8 * (reals[i] as number))));
  };

  it('[F-77] the int8 features are the float spectrogram within one step on noise, quiet tones and noise floors', () => {
    const clips = [
      noise(0.3),
      noise(0.001),
      noise(2 / 32768),
      mix(tone(440, 0.001), noise(0.0005)),
      mix(tone(3000, 0.05), noise(0.01)),
    ];
    for (const x of clips) expect(worstStep(x)).toBeLessThanOrEqual(1);
  });

  it('[F-77] bins 48 dB below a frame’s loudest tone carry the FFT’s rounding: within two steps there', () => {
    // The fixed-point FFT's rounding floor sits ~80 dB below a full-scale frame; a pure tone over a much
    // quieter floor shows it in its quietest bins. Training uses the integer features (audioFeatures), so it
    // sees these exact numbers anyway.
    expect(worstStep(mix(tone(1000, 0.5), noise(0.002)))).toBeLessThanOrEqual(2);
  });

  it('[F-76] silence gives the lowest value everywhere; louder audio gives larger features', () => {
    expect(new Set(spectrogramInt(new Array(16000).fill(0), tables, -128, 127))).toEqual(new Set([-128]));
    const sum = (x: Float32Array) => audioFeatures(x, SPECTROGRAM_DEFAULTS).reduce((a, b) => a + b, 0);
    expect(sum(noise(0.5))).toBeGreaterThan(sum(noise(0.05)));
  });

  it('[F-77] training features equal what the compiled blob computes, byte for byte', () => {
    const c = compiled();
    const program = prepare(readBlob(c.blob));
    for (const x of [noise(0.2), mix(tone(700, 0.3), noise(0.01))]) {
      const y = run(program, quantizeTensor(x, c.input), new Uint8Array(c.plan.arenaBytes));
      expect(Array.from(y, (q) => q / 8)).toEqual(Array.from(audioFeatures(x, SPECTROGRAM_DEFAULTS)));
    }
    expect(c.output).toEqual({ scale: 1 / 8, zeroPoint: 0 });
  });

  it('[F-78] the input is int16 (2 bytes a sample, scale 1/32768, zero point 0)', () => {
    const blob = readBlob(compiled().blob);
    const input = blob.tensors[blob.header.inputTensor];
    expect(input).toMatchObject({ type: 6, shape: [16000], scale: 1 / 32768, zeroPoint: 0 });
  });

  it('[F-78] the compiler refuses raw audio read by another layer too, naming the Spectrogram', () => {
    const twoReaders = analyzeModel({
      ...spec,
      layers: [
        { id: 'spec', type: 'Spectrogram' },
        { id: 'raw', type: 'Dense', units: 2, inputs: ['input'] },
        { id: 'flat', type: 'Flatten', inputs: ['spec'] },
        { id: 'join', type: 'Concatenate', inputs: ['flat', 'raw'] },
      ],
    });
    expect(() => compileModel(twoReaders, {}, { calibration: [noise(0.1)] })).toThrow(
      expect.objectContaining({ id: 'COMPILE_UNSUPPORTED', layerId: 'spec' }),
    );
  });

  it('[F-76] [F-78] the reader refuses broken Spectrogram ops with the code of the broken rule', () => {
    const base = compiled().blob;
    const { parsed, tensorAt, opAt } = layout(base);
    const op = parsed.ops[0]!;
    const refusal = (bytes: Uint8Array): ErrorId | 'accepted' => {
      try {
        readBlob(bytes);
        return 'accepted';
      } catch (e) {
        if (!isMinnowError(e)) throw e;
        return e.id;
      }
    };
    const twiddles = parsed.tensors[op.const0 + 1]!;
    const ranges = parsed.tensors[op.const0 + 2]!;
    const scratch = op.in0 + 1;
    const cases: [string, ErrorId, (v: DataView) => void][] = [
      ['frame step 0', 'BLOB_OP_ATTRIBUTES', (v) => v.setUint16(opAt(0) + 10, 0, true)],
      [
        'a frame step giving other frame counts',
        'BLOB_OP_SHAPE',
        (v) => v.setUint16(opAt(0) + 10, 300, true),
      ],
      ['scratch too small', 'BLOB_OP_SHAPE', (v) => v.setUint16(tensorAt(scratch) + 2, 4095, true)],
      ['int8 samples', 'BLOB_OP_OPERANDS', (v) => v.setUint8(tensorAt(op.in0), 0x11)],
      [
        'a twiddle longer than 1',
        'BLOB_CONSTANT_RANGE',
        (v) => v.setInt16(twiddles.offset + 6, -32768, true),
      ],
      ['a mel range past bin n/2', 'BLOB_CONSTANT_RANGE', (v) => v.setUint16(ranges.offset, 300, true)],
      ['a non-zero int16 zero point', 'BLOB_TENSOR_QUANT', (v) => v.setInt8(tensorAt(op.in0) + 1, 1)],
    ];
    expect(refusal(base)).toBe('accepted');
    for (const [name, code, edit] of cases) expect([name, refusal(mutate(base, edit))]).toEqual([name, code]);
  });
});
