import { BottomPanel } from './BottomPanel.tsx';
import { BudgetPanel } from './budget/BudgetPanel.tsx';
import { Canvas } from './canvas/Canvas.tsx';
import { NoticeBar } from './common/NoticeBar.tsx';
import { useFileDrop } from './files/useFileDrop.ts';
import { Header } from './Header.tsx';
import { useShortcuts } from './hooks/useShortcuts.ts';
import { useTheme } from './hooks/useTheme.ts';
import { useInspection } from './hooks/useInspection.ts';
import { Inspector } from './inspector/Inspector.tsx';
import { Palette } from './palette/Palette.tsx';
import { ProjectsDialog } from './projects/ProjectsDialog.tsx';
import { TemplatesDialog } from './projects/TemplatesDialog.tsx';
import { Stages } from './stages/Stages.tsx';

/**
 * The IDE: palette | stages (design: canvas over the layer table / chip comparison / JSON; train; board) |
 * budget gauge and inspector.
 */
export function App() {
  useTheme();
  useShortcuts();
  const { inspection, updating } = useInspection();
  const fileDrop = useFileDrop();
  return (
    <div className="app" onDragOver={fileDrop.onDragOver} onDrop={fileDrop.onDrop}>
      <Header />
      <div className="workspace">
        <Palette />
        <main className="center" aria-label="Network">
          <Stages
            design={
              <>
                <Canvas inspection={inspection} />
                <BottomPanel inspection={inspection} />
              </>
            }
          />
        </main>
        <aside className="side" aria-label="Budget and layer settings">
          <BudgetPanel inspection={inspection} updating={updating} />
          <Inspector inspection={inspection} />
        </aside>
      </div>
      <NoticeBar />
      <TemplatesDialog />
      <ProjectsDialog />
    </div>
  );
}
