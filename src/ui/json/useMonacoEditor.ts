import { useEffect, useRef, useState } from 'react';
import type { Theme } from '../../state/types.ts';
import { monaco } from './monaco.ts';

/** Creates a JSON editor in the returned element's place for the component's lifetime. */
export function useMonacoEditor(initial: string, theme: Theme) {
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);
  useEffect(() => {
    if (!host.current) return;
    const created = monaco.editor.create(host.current, {
      value: initial,
      language: 'json',
      automaticLayout: true,
      minimap: { enabled: false },
      wordWrap: 'on',
      fontSize: 13,
      scrollBeyondLastLine: false,
      tabSize: 2,
      ariaLabel: 'Model JSON',
    });
    setEditor(created);
    return () => {
      created.getModel()?.dispose();
      created.dispose();
    };
    // The initial text only seeds the editor; later changes arrive through the sync hook.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'), [theme]);
  return { host, editor };
}
