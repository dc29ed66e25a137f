import { ElementType, OPCODE } from '../blob/format.ts';
import { fmt, sameShape, type Kernel } from './kernel.ts';
import { highBit, spectrogramInt } from './spectrogram-math.ts';

const MAX_FFT = 1024;

function stepOf(attr: readonly number[]): number {
  return (attr[0] ?? 0) + 256 * (attr[1] ?? 0);
}

function fftLength(twiddles: readonly number[] | undefined): number {
  return 2 * (twiddles?.[0] ?? 0);
}

/** F-76: the audio front end, int16 samples to int8 log-mel features [frames, mels]. */
export const spectrogram: Kernel = {
  opcode: OPCODE.Spectrogram,
  name: 'Spectrogram',
  inputs: { min: 2, max: 2 },
  inputRank: 1,
  outputRank: 2,
  inputTypes: [ElementType.INT16, ElementType.INT8],
  constants: [
    { role: 'window', types: [ElementType.UINT16], rank: 1 },
    { role: 'twiddles', types: [ElementType.INT16], rank: 2 },
    { role: 'mel ranges', types: [ElementType.UINT16], rank: 2 },
    { role: 'mel weights', types: [ElementType.UINT16], rank: 1 },
  ],
  attributeBytes: 2,
  attributes: (o) => (stepOf(o.op.attr) >= 1 ? undefined : 'the frame step (attr[0..1]) is 0'),
  shapes(o) {
    const [x, scratch] = o.inputs;
    const [win, tw, mr] = o.constants;
    const n = fftLength(tw?.shape);
    const samples = x?.shape[0] ?? 0;
    const length = win?.shape[0] ?? 0;
    if (n < 2 || n > MAX_FFT || 2 ** highBit(n) !== n || tw?.shape[1] !== 2)
      return `twiddles ${fmt(tw?.shape ?? [])} should be [n/2, 2] for a power of two 2 ≤ n ≤ ${MAX_FFT}`;
    if (length > n || length > samples)
      return `frame length ${length} exceeds the FFT length ${n} or the ${samples} samples`;
    if (!scratch || !sameShape(scratch.shape, [8 * n]) || scratch.offset % 4 !== 0)
      return `scratch ${fmt(scratch?.shape ?? [])} at ${scratch?.offset ?? 0} should be [${8 * n}], 4-aligned`;
    const mels = mr?.shape[0] ?? 0;
    const frames = 1 + Math.floor((samples - length) / stepOf(o.op.attr));
    if (mr?.shape[1] !== 2 || !sameShape(o.output.shape, [frames, mels]))
      return `output ${fmt(o.output.shape)} should be [${frames}, ${mels}] (mel ranges ${fmt(mr?.shape ?? [])})`;
    return undefined;
  },
  constantRange(o, values) {
    const [win, tw, mr, mw] = values as [Uint16Array, Int16Array, Uint16Array, Uint16Array];
    const bins = fftLength(o.constants[1]?.shape) / 2 + 1;
    if (win.some((v) => v > 32768)) return 'a window value above 32768';
    if (mw.some((v) => v > 32768)) return 'a mel weight above 32768';
    for (let j = 0; 2 * j < tw.length; j++) {
      if ((tw[2 * j] as number) ** 2 + (tw[2 * j + 1] as number) ** 2 > 2 ** 30)
        return `twiddle ${j} exceeds 1`;
    }
    let total = 0;
    for (let m = 0; 2 * m < mr.length; m++) {
      const count = mr[2 * m + 1] as number;
      if ((mr[2 * m] as number) + count > bins) return `mel range ${m} passes bin ${bins - 1}`;
      total += count;
    }
    return total === mw.length
      ? undefined
      : `mel ranges count ${total} weights, the table holds ${mw.length}`;
  },
  run(args) {
    const [x] = args.inputs as [Int8Array];
    const samples = new Int16Array(x.length / 2);
    const view = new DataView(x.buffer, x.byteOffset, x.byteLength);
    for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(2 * i, true);
    const [window, twiddles, melRanges, melWeights] = args.constants as [
      Uint16Array,
      Int16Array,
      Uint16Array,
      Uint16Array,
    ];
    const { actMin, actMax, attr } = args.operands.op;
    const tables = { window, twiddles, melRanges, melWeights, frameStep: stepOf(attr) };
    args.output.set(spectrogramInt(samples, tables, actMin, actMax));
  },
};
