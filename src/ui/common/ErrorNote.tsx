import type { ReactNode } from 'react';
import type { MinnowError } from '../../core/errors.ts';

/** An error in plain words: its code, what happened and the fix, then whatever way on the caller adds. */
export function ErrorNote({ error, children }: { error: MinnowError; children?: ReactNode }) {
  return (
    <div className="problem" role="alert">
      <p>
        <strong>E{error.code}</strong> {error.message}
      </p>
      <p>
        <strong>Fix:</strong> {error.hint}
      </p>
      {children}
    </div>
  );
}
