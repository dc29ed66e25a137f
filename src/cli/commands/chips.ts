import { CHIPS } from '../../core/chips/catalog.ts';
import { isEstimate } from '../../core/chips/figure.ts';
import type { Figure } from '../../core/chips/types.ts';
import { formatBytes } from '../../core/units.ts';
import { parseArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../io.ts';
import { renderTable } from '../table.ts';

/** "~" marks an estimate, so a table stays honest about which figures are guesses. */
function bytes(f: Figure | undefined): string {
  if (!f) return '-';
  return `${isEstimate(f) ? '~' : ''}${formatBytes(f.value)}`;
}

export const chipsCommand: Command = {
  name: 'chips',
  summary: 'List the chip catalog (RAM for the arena, flash, clock).',
  usage: 'minnow chips [--json]',
  run(argv, io) {
    const args = parseArgs(argv, [], ['json']);
    if (args.flags.has('json')) {
      io.stdout.write(JSON.stringify(CHIPS, null, 2) + '\n');
      return EXIT.ok;
    }
    const rows = CHIPS.map((c) => [
      c.id,
      c.name,
      `${c.clockMhz.value} MHz`,
      bytes(c.arenaBytes),
      bytes(c.psram?.bytes),
      bytes(c.flashBytes),
      bytes(c.modelPartition?.size),
      c.exportOnly ? 'export only' : 'firmware',
    ]);
    io.stdout.write(
      renderTable(['id', 'name', 'clock', 'arena RAM', 'PSRAM', 'flash', 'model part.', 'support'], rows) +
        '~ marks an estimate; `minnow chips --json` gives the source or reasoning of every figure.\n',
    );
    return EXIT.ok;
  },
};
