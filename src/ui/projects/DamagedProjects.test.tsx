import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { testEditor } from '../../state/test-editor.ts';
import { EditorProvider } from '../EditorContext.tsx';
import { DamagedProjects } from './DamagedProjects.tsx';

const render = (damaged: { id: string; name: string; reason: string; text: string }[]) =>
  renderToStaticMarkup(
    <EditorProvider editor={{ ...testEditor(), damaged }}>
      <DamagedProjects />
    </EditorProvider>,
  );

describe('damaged projects in the Projects dialog', () => {
  it('lists each with its reason and a download of its stored file', () => {
    const html = render([
      { id: 'p1', name: 'Gestures', reason: 'E601 The project file is malformed', text: '{}' },
    ]);
    expect(html).toContain('Could not be read');
    expect(html).toContain('Gestures');
    expect(html).toContain('E601 The project file is malformed');
    expect(html).toContain('Download its file');
  });

  it('shows nothing when every project was read', () => {
    expect(render([])).toBe('');
  });
});
