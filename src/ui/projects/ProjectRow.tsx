import { useState } from 'react';
import { exportProject } from '../files/ExportButton.tsx';
import { useActions, useEditor, useStoreApi } from '../hooks/useEditor.ts';

const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ProjectRow({ id }: { id: string }) {
  const meta = useEditor((s) => s.projects[id]);
  const layers = useEditor((s) => s.models[id]?.layers.length ?? 0);
  const isOpen = useEditor((s) => s.currentId === id);
  const store = useStoreApi();
  const { openProject, renameProject, duplicateProject, deleteProject, notify } = useActions();
  const [renaming, setRenaming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!meta) return null;
  const commit = (name: string) => {
    const problem = renameProject(id, name);
    setError(problem);
    if (!problem) setRenaming(false);
  };
  return (
    <li className={`project-row${isOpen ? ' open' : ''}`}>
      {renaming ? (
        <div className="field">
          <label htmlFor={`rename-${id}`} className="visually-hidden">
            New name for {meta.name}
          </label>
          <input
            id={`rename-${id}`}
            defaultValue={meta.name}
            autoFocus
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit(e.currentTarget.value);
              if (e.key === 'Escape') setRenaming(false);
            }}
            onBlur={(e) => commit(e.target.value)}
          />
          {error && <p className="field-error">{error}</p>}
        </div>
      ) : (
        <button
          type="button"
          className="link project-open"
          onClick={() => openProject(id)}
          aria-current={isOpen || undefined}
        >
          {meta.name}
        </button>
      )}
      <span className="meta">
        {layers} layers · {meta.chipId} · saved {when(meta.updatedAt)}
      </span>
      <span className="row-actions">
        <button
          type="button"
          className="small"
          onClick={() => setRenaming(true)}
          aria-label={`Rename ${meta.name}`}
        >
          Rename
        </button>
        <button
          type="button"
          className="small"
          onClick={() => duplicateProject(id)}
          aria-label={`Duplicate ${meta.name}`}
        >
          Duplicate
        </button>
        <button
          type="button"
          className="small"
          onClick={() => void exportProject(store.getState(), id, notify)}
          aria-label={`Export ${meta.name}`}
        >
          Export
        </button>
        <button
          type="button"
          className="small danger"
          onClick={() => deleteProject(id)}
          aria-label={`Delete ${meta.name}`}
        >
          Delete
        </button>
      </span>
    </li>
  );
}
