import { useMemo } from 'react';
import { formatShape } from '../../core/model/types.ts';
import { formatCount } from '../../core/units.ts';
import { Dialog } from '../common/Dialog.tsx';
import { useActions, useEditor } from '../hooks/useEditor.ts';
import { loadTemplates } from './templates.ts';

/** Every example model, each opened as a new project. */
export function TemplatesDialog() {
  const open = useEditor((s) => s.dialog === 'templates');
  const { openDialog, newProject } = useActions();
  const templates = useMemo(() => (open ? loadTemplates() : []), [open]);
  return (
    <Dialog open={open} title="Start from a template" onClose={() => openDialog(null)} wide>
      <ul className="template-grid">
        {templates.map((t) => (
          <li key={t.file} className="template-card">
            <h3>{t.spec.name}</h3>
            <p>{t.description}</p>
            <p className="meta">
              input {formatShape(t.spec.input.shape)} · {t.layers} layers · {formatCount(t.params)} params
            </p>
            <button
              type="button"
              className="primary small"
              onClick={() => {
                newProject(t.spec.name, t.spec);
                openDialog(null);
              }}
              aria-label={`Open ${t.spec.name} as a new project`}
            >
              Open
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
