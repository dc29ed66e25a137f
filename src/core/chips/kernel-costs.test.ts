import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../model/analyze.ts';
import { getChip } from './catalog.ts';
import {
  CHAR_LM_TOKEN_MACS,
  ELEMENT_COSTS,
  MAC_COSTS,
  PACKED_MAC_COSTS,
  STEP_COST,
  type BenchSource,
  type KernelCost,
} from './kernel-costs.ts';
import { MAC_KINDS } from './types.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The kernel row of firmware-template/host/rv32/bench.c and the awk format of firmware-bench.sh's per-token rows, as printed. */
const KERNEL_ROW =
  /^(.+?)\s+(\d+) MACs\s+(\d+) instructions\s+(\d+\.\d\d) per MAC \(output hash [0-9a-f]{8}\)$/;
const TOKEN_ROW = /^(\S+):\s+(\d+) instructions(?:\s+(\d+\.\d{3})x int8)?$/;

/**
 * The kernel and char-LM rows of `npm run bench:firmware` output, by "section | row": per MAC figures for
 * kernel rows, instructions for token rows. A line of those sections in another format is an error, so a
 * reformatted bench row cannot go unnoticed; other sections are skipped.
 */
function parseBench(text: string): Map<string, number> {
  const rows = new Map<string, number>();
  let section = '';
  let variant = '';
  for (const line of text.split('\n').map((l) => l.trimEnd())) {
    if (line.startsWith('== ')) {
      const name = line.slice(3);
      section = name.startsWith('kernels, ') ? name : name.startsWith('char-LM,') ? 'char-LM' : '';
      continue;
    }
    if (line.startsWith('-- ')) {
      variant = line.slice(3);
      continue;
    }
    // A header may go on over indented lines.
    if (line === '' || section === '' || /^\s+\(/.test(line)) continue;
    const kernel = section.startsWith('kernels') ? KERNEL_ROW.exec(line) : null;
    const token = section === 'char-LM' ? TOKEN_ROW.exec(line) : null;
    if (kernel) {
      const [, row, macs, instructions, perMac] = kernel;
      // The printed figure is the quotient of the two counts beside it.
      expect(Number(perMac)).toBeCloseTo(Number(instructions) / Number(macs), 2);
      rows.set(`${section} | ${row}`, Number(perMac));
    } else if (token) rows.set(`${section}, ${variant} | ${token[1]}`, Number(token[2]));
    else throw new Error(`bench line in an unknown format under "${section}": ${line}`);
  }
  return rows;
}

/** The figure a bench source gives, from parsed rows, rounded as the table writes it. */
function benchFigure(rows: Map<string, number>, b: BenchSource): number {
  const at = (row: string) => {
    const v = rows.get(`${b.section} | ${row}`);
    if (v === undefined) throw new Error(`no bench row "${row}" under "${b.section}"`);
    return v;
  };
  if (b.section === 'kernels, fast') return at(b.row);
  const perMac = Math.round((100 * (at(b.row) - (b.minus ? at(b.minus) : 0))) / b.macs) / 100;
  // An extra cost below zero (packed weights read a hair faster than int8) is written as none.
  return b.minus ? Math.max(0, perMac) : perMac;
}

const SAMPLE = read('src/core/chips/bench-firmware.sample.txt');
const TABLES: Record<string, Readonly<Record<string, KernelCost>>> = {
  MAC_COSTS,
  PACKED_MAC_COSTS,
  ELEMENT_COSTS,
  STEP: { step: STEP_COST },
};
const entries = Object.entries(TABLES).flatMap(([table, costs]) =>
  Object.entries(costs).map(([kind, cost]) => [`${table}.${kind}`, cost] as const),
);

describe('kernel costs from the firmware bench', () => {
  it('reads the format the bench prints (bench.c and firmware-bench.sh)', () => {
    expect(read('firmware-template/host/rv32/bench.c')).toContain(
      '"%-34s %9lu MACs %10lu instructions %6.2f per MAC (output hash %08lx)\\n"',
    );
    const script = read('scripts/firmware-bench.sh');
    expect(script).toContain('echo "== kernels, $variant"');
    expect(script).toContain('echo "== char-LM, instructions per generated token');
    expect(script).toContain(`awk '{ printf "%-24s %12s instructions\\n", $2, $(NF-1) }'`);
  });

  it.each(entries.filter(([, c]) => c.bench))(
    '%s is the figure of its bench row in the sample',
    (_, cost) => {
      expect(cost.instructions).toBe(benchFigure(parseBench(SAMPLE), cost.bench as BenchSource));
    },
  );

  it('gives every figure without a bench row its reason, and none both', () => {
    for (const [name, cost] of entries)
      expect(Boolean(cost.bench) !== Boolean(cost.estimate), name).toBe(true);
  });

  it('counts a char-LM token as its MACs: the GRU step 3·(64·64 + 64·64) and the Dense 64·256', () => {
    const spec = JSON.parse(read('examples/char-lm.json')) as unknown;
    expect(CHAR_LM_TOKEN_MACS).toBe(3 * (64 * 64 + 64 * 64) + 64 * 256);
    expect(analyzeModel(spec).macs).toBe(CHAR_LM_TOKEN_MACS);
  });

  it('breaks on a renamed or reformatted row, and on garbage', () => {
    const renamed = SAMPLE.replaceAll('Dense 256->64 ', 'Dense 256 to 64 ');
    expect(() => benchFigure(parseBench(renamed), MAC_COSTS.dense.bench as BenchSource)).toThrow(
      /no bench row "Dense 256->64"/,
    );
    const dense = MAC_COSTS.dense.instructions.toFixed(2);
    const reformatted = SAMPLE.replaceAll(`${dense} per MAC`, `${dense} instr/MAC`);
    expect(() => parseBench(reformatted)).toThrow(/unknown format under "kernels, fast": Dense 256->64/);
    expect(() => parseBench('== kernels, fast\n\u0000\u00ff garbage')).toThrow(/unknown format/);
    expect(() => parseBench('== char-LM, x\n-- fast\nexample-char-lm: lots instructions')).toThrow(
      /unknown format/,
    );
    expect(parseBench('random text\n== whole models\nanything')).toEqual(new Map());
  });

  it('moves each kind of MAC with its own figure: cycles per MAC are the table’s instructions × one factor', () => {
    for (const id of ['esp32', 'esp32c3', 'esp32s3']) {
      const { perMac } = getChip(id).cycles;
      for (const kind of MAC_KINDS) {
        const ratio = perMac[kind].value / perMac.conv2d.value;
        const expected = MAC_COSTS[kind].instructions / MAC_COSTS.conv2d.instructions;
        // Cycle figures are rounded to 0.1: the ratio holds to that rounding.
        expect(Math.abs(ratio - expected), `${id} ${kind}`).toBeLessThan(0.02 * expected + 0.02);
      }
    }
  });
});
