import '@xyflow/react/dist/style.css';
import './ui/styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { bootEditor } from './ui/boot.ts';
import { EditorProvider } from './ui/EditorContext.tsx';
import { registerServiceWorker } from './ui/pwa.ts';

const root = document.getElementById('root');
if (root) {
  const editor = await bootEditor();
  createRoot(root).render(
    <StrictMode>
      <EditorProvider editor={editor}>
        <App />
      </EditorProvider>
    </StrictMode>,
  );
  registerServiceWorker();
}
