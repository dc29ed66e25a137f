import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'warn' | 'error';

/**
 * A notice in the flow of a panel: the page's text colour on a tinted background (WCAG AA in both themes),
 * stacked, never laid over its neighbours. The floating toast is NoticeBar's, a different thing.
 */
export function Notice({
  tone = 'warn',
  testId,
  children,
}: {
  tone?: NoticeTone;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={`inline-notice ${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
