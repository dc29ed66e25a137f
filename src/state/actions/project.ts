import { isMinnowError } from '../../core/errors.ts';
import { importModelFiles, type ImportFile } from '../../core/import/index.ts';
import type { ModelSpec } from '../../core/model/types.ts';
import { DEFAULT_CHIP, metaOf, modelName, newProject } from '../initial.ts';
import { parseProjectText, type ProjectFile } from '../project-file.ts';
import { currentProject } from '../store.ts';
import type { EditorData, Project } from '../types.ts';
import type { ActionContext } from './context.ts';
import { importedNotice, refusedNotice } from './import-notice.ts';

/** Creating, opening, renaming, duplicating, deleting and importing projects. */
export function projectActions(ctx: ActionContext) {
  const { store } = ctx;
  const get = (): EditorData => store.getState();

  /** Adds a project right after `after` (or first) and opens it. */
  const add = (project: Project, after?: string): string => {
    const { order, models, projects, weights, training } = get();
    const at = after === undefined ? 0 : order.indexOf(after) + 1;
    ctx.change(undefined, () =>
      store.setState({
        models: { ...models, [project.id]: project.model },
        ...(project.weights ? { weights: { ...weights, [project.id]: project.weights } } : {}),
        ...(project.training ? { training: { ...training, [project.id]: project.training } } : {}),
        projects: { ...projects, [project.id]: metaOf(project) },
        order: [...order.slice(0, at), project.id, ...order.slice(at)],
        currentId: project.id,
        selectedId: null,
      }),
    );
    return project.id;
  };

  const touched = (id: string, patch: Partial<Project>) => {
    const meta = get().projects[id];
    return meta
      ? { ...get().projects, [id]: { ...meta, ...patch, updatedAt: ctx.nowIso() } }
      : get().projects;
  };

  const importProject = (file: ProjectFile): string => add({ ...file, id: ctx.newId() });

  return {
    setChip(chipId: string): void {
      const id = get().currentId;
      if (currentProject(get()).chipId === chipId) return;
      ctx.change(undefined, () => store.setState({ projects: touched(id, { chipId }) }));
    },
    newProject(name = 'Untitled', model?: ModelSpec): string {
      const project = newProject(ctx.newId(), name, ctx.nowIso(), model);
      return add({ ...project, chipId: currentProject(get()).chipId || DEFAULT_CHIP });
    },
    openProject(id: string): void {
      if (!get().projects[id] || get().currentId === id) return;
      ctx.untracked(() => store.setState({ currentId: id, selectedId: null, dialog: null }));
    },
    /** Returns why the name is refused, or null once renamed. */
    renameProject(id: string, name: string): string | null {
      const trimmed = name.trim();
      if (trimmed === '') return 'A project needs a name.';
      if (trimmed.length > 80) return 'A project name has at most 80 characters.';
      const model = get().models[id];
      if (!model || get().projects[id]?.name === trimmed) return null;
      ctx.change(undefined, () =>
        store.setState({
          projects: touched(id, { name: trimmed }),
          models: { ...get().models, [id]: { ...model, name: modelName(trimmed) } },
        }),
      );
      return null;
    },
    duplicateProject(id: string): string | null {
      const meta = get().projects[id];
      const model = get().models[id];
      if (!meta || !model) return null;
      const name = `${meta.name} (copy)`.slice(0, 80);
      const now = ctx.nowIso();
      const weights = get().weights[id];
      const training = get().training[id];
      const copy = { ...meta, id: ctx.newId(), name, createdAt: now, updatedAt: now, model };
      return add({ ...copy, ...(weights ? { weights } : {}), ...(training ? { training } : {}) }, id);
    },
    /** Deletes a project (undo brings it back); the last one is replaced by an empty project. */
    deleteProject(id: string): void {
      const { order, models, projects, currentId } = get();
      const meta = projects[id];
      if (!meta) return;
      const rest = order.filter((p) => p !== id);
      const fresh = rest.length === 0 ? newProject(ctx.newId(), 'Untitled', ctx.nowIso()) : undefined;
      const { [id]: _model, ...keptModels } = models;
      const { [id]: _meta, ...keptProjects } = projects;
      const nextOrder = fresh ? [fresh.id] : rest;
      const nextCurrent =
        currentId === id ? (nextOrder[Math.min(order.indexOf(id), nextOrder.length - 1)] ?? '') : currentId;
      ctx.change(undefined, () =>
        store.setState({
          models: fresh ? { ...keptModels, [fresh.id]: fresh.model } : keptModels,
          projects: fresh ? { ...keptProjects, [fresh.id]: metaOf(fresh) } : keptProjects,
          order: nextOrder,
          currentId: nextCurrent,
          selectedId: currentId === id ? null : get().selectedId,
          notice: { kind: 'info', text: `Deleted “${meta.name}”.`, undoable: true },
        }),
      );
    },
    importProject,
    /**
     * Imports a model from another framework (a .tflite, or a tfjs model.json with its shards) as a new
     * project holding its trained weights. A refused model changes nothing: the notice says why.
     */
    importModel(files: readonly ImportFile[], label: string): boolean {
      try {
        const imported = importModelFiles(files);
        const project = newProject(ctx.newId(), imported.model.name, ctx.nowIso(), imported.model);
        const chipId = currentProject(get()).chipId || DEFAULT_CHIP;
        add({
          ...project,
          chipId,
          weights: imported.weights,
          source: imported.source,
          ...(imported.quantization ? { quantization: imported.quantization } : {}),
        });
        store.setState({ notice: importedNotice(imported, label) });
        return true;
      } catch (e) {
        store.setState({ notice: refusedNotice(e, label) });
        return false;
      }
    },
    /**
     * Imports a project or model file's text as a new project. A bad file changes no document: the notice
     * tells why it was refused. Returns whether it was imported.
     */
    importText(text: string, fileName: string): boolean {
      try {
        const file = parseProjectText(text, currentProject(get()).chipId, ctx.nowIso());
        importProject(file);
        store.setState({ notice: { kind: 'info', text: `Imported “${file.name}” from ${fileName}.` } });
        return true;
      } catch (e) {
        if (!isMinnowError(e)) throw e;
        const text = `Cannot import ${fileName}: E${e.code} ${e.message} ${e.hint}`;
        store.setState({ notice: { kind: 'error', text } });
        return false;
      }
    },
  };
}

export type ProjectActions = ReturnType<typeof projectActions>;
