import type { z } from 'zod';

/** The `version` a JSON document declares, when it declares a number: checked before the schema runs so a
 * newer file is refused as "too new", not as a list of unknown fields. */
export function declaredVersion(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || !('version' in raw)) return undefined;
  return typeof raw.version === 'number' ? raw.version : undefined;
}

/** The first schema problem as a dotted path and a message, for one-line coded errors. */
export function firstIssue(error: z.ZodError): { path: string; message: string; at: readonly PropertyKey[] } {
  const issue = error.issues[0];
  const at = issue?.path ?? [];
  return { path: at.length ? at.join('.') : '(top level)', message: issue?.message ?? 'invalid', at };
}
