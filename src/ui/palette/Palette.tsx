import { memo } from 'react';
import { OPS } from '../../core/ops/registry.ts';
import type { OpCategory } from '../../core/ops/types.ts';
import { PaletteItem } from './PaletteItem.tsx';

const GROUPS: readonly { category: OpCategory; title: string }[] = [
  { category: 'core', title: 'Core' },
  { category: 'convolution', title: 'Convolution' },
  { category: 'pooling', title: 'Pooling' },
  { category: 'reshape', title: 'Reshape' },
  { category: 'activation', title: 'Activation' },
  { category: 'normalization', title: 'Normalization' },
  { category: 'merge', title: 'Merge (DAG)' },
  { category: 'sequence', title: 'Sequence' },
  { category: 'audio', title: 'Audio' },
];

/** Static: it never needs to re-render with the model. */
export const Palette = memo(function Palette() {
  const ops = [...OPS.values()];
  return (
    <nav className="palette" aria-label="Layer palette">
      <h2 className="panel-title">Layers</h2>
      <p className="hint">Drag onto the canvas, or press Enter to add after the selected layer.</p>
      {GROUPS.map(({ category, title }) => {
        const items = ops.filter((op) => op.category === category);
        if (items.length === 0) return null;
        return (
          <section key={category} className="palette-group" aria-label={title}>
            <h3>{title}</h3>
            <ul>
              {items.map((op) => (
                <li key={op.type}>
                  <PaletteItem type={op.type} summary={op.summary} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
});
