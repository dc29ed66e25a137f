import { chipLabel } from '../../device/chip-names.ts';
import { BARE_METAL_CHECKLIST } from './board-checklist.ts';

/** After a flash the board did not answer: what a real board of this chip should show, and what to do. */
export function BoardChecklist({ chipId }: { chipId: string }) {
  return (
    <details className="board-checklist" open data-testid="board-checklist">
      <summary>
        The board has not answered since the flash: what a real {chipLabel(chipId)} should show
        (docs/BARE-METAL.md)
      </summary>
      <pre className="checklist-text">{BARE_METAL_CHECKLIST}</pre>
    </details>
  );
}
