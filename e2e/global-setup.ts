import type { TestProject } from 'vitest/node';
import { serveApp } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the static site once (dist/ is reused when MINNOW_E2E_SKIP_BUILD is set) and serves it. */
export default async function setup(project: TestProject) {
  const { url, server } = await serveApp(Boolean(process.env.MINNOW_E2E_SKIP_BUILD));
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
