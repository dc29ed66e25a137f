import { memo } from 'react';
import { ExportButton } from './files/ExportButton.tsx';
import { ImportButton } from './files/ImportButton.tsx';
import { HistoryButtons } from './HistoryButtons.tsx';
import { useActions, useEditor, useProject } from './hooks/useEditor.ts';

export const Header = memo(function Header() {
  const project = useProject();
  const theme = useEditor((s) => s.theme);
  const { openDialog, newProject, setTheme } = useActions();
  return (
    <header className="header">
      <div className="brand">
        <img src="icon.svg" width="24" height="24" alt="" />
        <span>Minnow</span>
      </div>
      <button
        type="button"
        className="project-switch"
        onClick={() => openDialog('projects')}
        aria-label={`Project: ${project.name}. Open the project list`}
      >
        <span className="project-name">{project.name}</span>
        <span aria-hidden="true">▾</span>
      </button>
      <nav className="toolbar" aria-label="Project">
        <button type="button" onClick={() => newProject()}>
          New
        </button>
        <button type="button" onClick={() => openDialog('templates')}>
          Templates
        </button>
        <ImportButton />
        <ExportButton />
      </nav>
      <div className="toolbar end">
        <HistoryButtons />
        <button
          type="button"
          className="icon"
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          aria-label={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
          title="Light or dark theme"
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </div>
    </header>
  );
});
