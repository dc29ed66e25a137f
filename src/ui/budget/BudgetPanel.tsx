import { useMemo } from 'react';
import { CHIPS } from '../../core/chips/catalog.ts';
import { formatBytes } from '../device/save-file.ts';
import { useEditor, useProject } from '../hooks/useEditor.ts';
import { useSuggestions } from '../hooks/useInspection.ts';
import { BudgetBlocked } from './BudgetBlocked.tsx';
import { ChipPicker } from './ChipPicker.tsx';
import { Gauge } from './Gauge.tsx';
import { gaugeView } from './gauge-view.ts';
import type { Inspection } from './inspection.ts';
import { Suggestions } from './Suggestions.tsx';

/** `updating`: the figures are those of the model before the last edit, whose inspection is on its way. */
export function BudgetPanel({
  inspection,
  updating = false,
}: {
  inspection: Inspection;
  updating?: boolean;
}) {
  const suggestions = useSuggestions(inspection);
  const view = useMemo(
    () => (inspection.status === 'ok' ? gaugeView(inspection.report) : null),
    [inspection],
  );
  const { chipId } = useProject();
  const chipName = CHIPS.find((c) => c.id === chipId)?.name ?? chipId;
  const board = useEditor((s) => s.board);
  return (
    <section className="panel budget" aria-labelledby="budget-title">
      <div className="panel-head">
        <h2 id="budget-title" className="panel-title">
          Budget
        </h2>
        <ChipPicker />
      </div>
      {board && (
        <p className="measured-label" data-testid="measured-label">
          RAM measured on the board: {formatBytes(board.freeHeapBytes)} free heap, largest free block{' '}
          {formatBytes(board.largestFreeBlockBytes)}.
        </p>
      )}
      {inspection.status === 'empty' && (
        <p className="empty">Add layers to see the RAM, flash and time they need on {chipName}.</p>
      )}
      {inspection.status === 'error' && <BudgetBlocked error={inspection.error} />}
      {view && (
        <Gauge view={view} updating={updating}>
          {view.verdict.code !== 'fits' && <Suggestions items={suggestions} />}
        </Gauge>
      )}
    </section>
  );
}
