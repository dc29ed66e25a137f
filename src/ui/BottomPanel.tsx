import { lazy, Suspense } from 'react';
import type { BottomTab } from '../state/types.ts';
import { CompareTable } from './budget/CompareTable.tsx';
import type { Inspection } from './budget/inspection.ts';
import { Tabs } from './common/Tabs.tsx';
import { useActions, useEditor } from './hooks/useEditor.ts';
import { LayerTable } from './layers/LayerTable.tsx';

// Monaco is large: it loads the first time the JSON tab opens (and is precached for offline use).
const JsonPanel = lazy(() => import('./json/JsonPanel.tsx'));

const TABS = [
  { key: 'layers', label: 'Layers' },
  { key: 'compare', label: 'Compare chips' },
  { key: 'json', label: 'Model JSON' },
] as const satisfies readonly { key: BottomTab; label: string }[];

export function BottomPanel({ inspection }: { inspection: Inspection }) {
  const tab = useEditor((s) => s.bottomTab);
  const { setTab } = useActions();
  return (
    <section className="bottom" aria-label="Details">
      <Tabs label="Details" tabs={TABS} active={tab} onChange={setTab}>
        {tab === 'layers' && <LayerTable inspection={inspection} />}
        {tab === 'compare' && <CompareTable inspection={inspection} />}
        {tab === 'json' && (
          <Suspense fallback={<p className="empty">Loading the editor…</p>}>
            <JsonPanel />
          </Suspense>
        )}
      </Tabs>
    </section>
  );
}
