import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Stage } from '../../state/types.ts';
import { weightsMismatch } from '../../state/weights-fit.ts';
import { Tabs } from '../common/Tabs.tsx';
import type { Sample } from '../device/RunSample.tsx';
import { useActions, useEditor, useModel } from '../hooks/useEditor.ts';
import { createSampleFeed } from './sample-feed.ts';
import { chooseCalibration } from './calibration-source.ts';
import type { Calibration } from './compiled-model.ts';
import { useCompiledModel } from './useCompiledModel.ts';
import { trainedClassNames, useSavedTraining, type SavedTraining } from './useSavedTraining.ts';
import './stages.css';

// Training (tfjs in a worker) and the board (esptool) load the first time their tab opens.
const TrainStage = lazy(() => import('./TrainStage.tsx'));
const BoardStage = lazy(() => import('./BoardStage.tsx'));

const STAGES = [
  { key: 'design', label: '1 · Design' },
  { key: 'train', label: '2 · Train and quantize' },
  { key: 'board', label: '3 · Board' },
] as const satisfies readonly { key: Stage; label: string }[];

/** Why the open project's saved weights no longer fit its model; null when they fit or there are none. */
function useStaleWeights(): string | null {
  const model = useModel();
  const saved = useEditor((s) => s.weights[s.currentId]);
  return useMemo(() => (saved ? weightsMismatch(model, saved) : null), [model, saved]);
}

function useCalibration(live: readonly Sample[], saved: SavedTraining | null): Calibration {
  return useMemo(() => chooseCalibration(live, saved), [live, saved]);
}

/** Tells once, when an edit makes the trained weights stop fitting the model. */
function useStaleNotice(stale: string | null): void {
  const { notify } = useActions();
  const was = useRef(stale);
  useEffect(() => {
    if (stale && !was.current) {
      notify({ kind: 'info', text: `The trained weights no longer fit the model: ${stale}. Train again.` });
    }
    was.current = stale;
  }, [stale, notify]);
}

function Pane({ shown, children }: { shown: boolean; children: ReactNode }) {
  return (
    <div className="stage-pane" hidden={!shown}>
      <Suspense fallback={<p className="empty">Loading…</p>}>{children}</Suspense>
    </div>
  );
}

/** Design → train → board, one tab each. A stage stays mounted once opened, so a run survives a tab switch. */
export function Stages({ design }: { design: ReactNode }) {
  const stage = useEditor((s) => s.stage);
  const { setStage } = useActions();
  const feed = useMemo(() => createSampleFeed(), []);
  const projectId = useEditor((s) => s.currentId);
  const [live, setLive] = useState<{ projectId: string; samples: Sample[] } | null>(null);
  const onSamples = useCallback((id: string, samples: Sample[]) => setLive({ projectId: id, samples }), []);
  const { saved, fingerprint } = useSavedTraining();
  const calibration = useCalibration(live?.projectId === projectId ? live.samples : [], saved);
  const [opened, setOpened] = useState<ReadonlySet<Stage>>(new Set([stage]));
  if (!opened.has(stage)) setOpened(new Set([...opened, stage]));
  const stale = useStaleWeights();
  useStaleNotice(stale);
  const compiled = useCompiledModel(calibration, stale !== null, {
    train: opened.has('train'),
    board: opened.has('board'),
  });
  return (
    <Tabs label="Stages" tabs={STAGES} active={stage} onChange={setStage}>
      <div className="stage-design" hidden={stage !== 'design'}>
        {design}
      </div>
      {opened.has('train') && (
        <Pane shown={stage === 'train'}>
          <TrainStage
            feed={feed}
            stale={stale}
            saved={saved}
            fingerprint={fingerprint}
            onSamples={onSamples}
            compiled={compiled}
          />
        </Pane>
      )}
      {opened.has('board') && compiled && (
        <Pane shown={stage === 'board'}>
          <BoardStage
            samples={calibration.samples}
            compiled={compiled}
            active={stage === 'board'}
            classNames={trainedClassNames(saved)}
          />
        </Pane>
      )}
    </Tabs>
  );
}
