import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { screenshot } from './app.ts';
import { openSession, type Session } from './browser.ts';

/**
 * One browser (fresh profile) and page for a spec file, opened on the built app; a failing test leaves a
 * screenshot in e2e/artifacts/. `errors` collects uncaught page errors.
 */
export function useAppPage(): { readonly page: Page; readonly session: Session; readonly errors: string[] } {
  const state = {
    page: undefined as unknown as Page,
    session: undefined as unknown as Session,
    errors: [] as string[],
  };
  beforeAll(async () => {
    state.session = await openSession();
    state.page = await state.session.context.newPage();
    state.page.on('pageerror', (e) => state.errors.push(e.message));
    await state.page.goto(inject('baseUrl'));
  });
  afterAll(async () => {
    await state.session?.close();
  });
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(async () => {
      await screenshot(state.page, `failure-${task.name.replace(/\W+/g, '-')}`);
    });
  });
  return {
    get page() {
      return state.page;
    },
    get session() {
      return state.session;
    },
    errors: state.errors,
  };
}
