import { Dialog } from '../common/Dialog.tsx';
import { NoticeBar } from '../common/NoticeBar.tsx';
import { useActions, useEditor } from '../hooks/useEditor.ts';
import { DamagedProjects } from './DamagedProjects.tsx';
import { ProjectRow } from './ProjectRow.tsx';

/** Every saved project: open, rename, duplicate, export, delete (with undo). */
export function ProjectsDialog() {
  const open = useEditor((s) => s.dialog === 'projects');
  const order = useEditor((s) => s.order);
  const { openDialog, newProject } = useActions();
  return (
    <Dialog open={open} title="Projects" onClose={() => openDialog(null)} wide>
      <p className="hint">
        Projects are saved in this browser as you work. Export one to move it to another machine.
      </p>
      <ul className="project-list">
        {order.map((id) => (
          <ProjectRow key={id} id={id} />
        ))}
      </ul>
      <DamagedProjects />
      <NoticeBar inDialog />
      <div className="row-actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            newProject();
            openDialog(null);
          }}
        >
          New empty project
        </button>
      </div>
    </Dialog>
  );
}
