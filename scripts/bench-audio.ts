/**
 * The audio front end's cost on each chip of the catalog, for `npm run bench` (the gauge's estimate) and
 * `npm run bench:firmware` (QEMU's RV32 instruction count of one 1 s clip, passed as the argument): the
 * Spectrogram at its default parameters (docs/MODEL.md M-12) on 16,000 samples, its share of the clip's own
 * second at each chip's clock, its scratch RAM and the flash its tables take.
 *   npx tsx scripts/bench-audio.ts [rv32-instructions-per-clip]
 */
import { CHIPS } from '../src/core/chips/catalog.ts';
import { analyzeModel } from '../src/core/model/analyze.ts';
import { planModel } from '../src/core/plan/index.ts';
import { SPECTROGRAM_DEFAULTS, tableBytes } from '../src/core/quant/spectrogram.ts';

const CLIP_MS = 1000;

function frontEnd() {
  const model = analyzeModel({
    format: 'minnow-model',
    version: 1,
    name: 'front-end',
    input: { shape: [SPECTROGRAM_DEFAULTS.sampleRate] },
    layers: [{ id: 'spec', type: 'Spectrogram' }],
  });
  const plan = planModel(model);
  const step = plan.graph.steps[0];
  const scratch = step?.scratch === undefined ? 0 : (plan.graph.tensors[step.scratch]?.bytes ?? 0);
  return { macs: model.layers[0]?.macs ?? 0, arena: plan.arenaBytes, scratch };
}

export function formatAudioBench(measured?: number): string {
  const { macs, arena, scratch } = frontEnd();
  const lines = [
    `Spectrogram, 16 kHz × 1 s → [49, 40]: ${macs.toLocaleString('en')} multiplies; arena ${arena.toLocaleString('en')} B ` +
      `(int16 samples 32,000 + FFT scratch ${scratch.toLocaleString('en')} + features 1,960); tables ${tableBytes(SPECTROGRAM_DEFAULTS).toLocaleString('en')} B of flash`,
  ];
  if (measured !== undefined)
    lines.push(`RV32IMC (QEMU icount): ${measured.toLocaleString('en')} instructions per clip`);
  lines.push(
    'chip        clock  ms/clip at 1 cycle per RV32 instr  share   ms/clip (gauge)  share',
    ...CHIPS.map((chip) => {
      const mhz = chip.clockMhz.value;
      const ideal = measured === undefined ? undefined : measured / (mhz * 1000);
      const gauge = (macs * chip.cycles.perMac.spectrogram.value) / (mhz * 1000);
      const share = (ms: number) => `${((100 * ms) / CLIP_MS).toFixed(1).padStart(5)} %`;
      const idealText =
        ideal === undefined
          ? '-'.padStart(34) + '        '
          : `${ideal.toFixed(1).padStart(34)}  ${share(ideal)}`;
      return `${chip.id.padEnd(10)} ${String(mhz).padStart(4)} MHz ${idealText}  ${gauge.toFixed(1).padStart(15)}  ${share(gauge)}`;
    }),
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = process.argv[2];
  console.log(formatAudioBench(arg === undefined ? undefined : Number(arg)));
}
