import { useEffect } from 'react';
import { useEditor } from './useEditor.ts';

/** Applies the chosen theme to the page (CSS variables switch on data-theme). */
export function useTheme(): void {
  const theme = useEditor((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
}
