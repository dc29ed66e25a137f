import { CHIPS } from '../../core/chips/catalog.ts';
import { useActions, useProject } from '../hooks/useEditor.ts';

export function ChipPicker() {
  const { chipId } = useProject();
  const { setChip } = useActions();
  const groups = [
    { label: 'Minnow firmware', chips: CHIPS.filter((c) => !c.exportOnly) },
    { label: 'Export C source only', chips: CHIPS.filter((c) => c.exportOnly) },
  ];
  return (
    <label className="field inline">
      <span>Chip</span>
      <select value={chipId} onChange={(e) => setChip(e.target.value)} data-testid="chip-picker">
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.chips.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
