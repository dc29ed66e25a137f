import { downloadText, exportFileName } from '../files/download.ts';
import { useDamagedProjects } from '../hooks/useEditor.ts';

/** Saved projects that could not be read: named with the reason, their stored file offered as it is. */
export function DamagedProjects() {
  const damaged = useDamagedProjects();
  if (damaged.length === 0) return null;
  return (
    <section className="damaged-projects" aria-label="Damaged projects">
      <h3>Could not be read</h3>
      <p className="hint">
        These stay saved as they are. Download one to repair it in a text editor and import it again, or to
        send it with a bug report.
      </p>
      <ul className="project-list">
        {damaged.map((d) => (
          <li key={d.id} className="project-row" data-testid="damaged-project">
            <span className="project-name">{d.name}</span>
            <span className="muted">{d.reason}</span>
            <button type="button" onClick={() => downloadText(exportFileName(`${d.name} damaged`), d.text)}>
              Download its file
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
