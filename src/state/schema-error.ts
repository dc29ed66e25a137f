import { MinnowError } from '../core/errors.ts';

/** E601 at a path of a project file: what every part of its reader (model, weights, training) throws. */
export function malformed(path: string, detail: string): MinnowError {
  return new MinnowError('PROJECT_SCHEMA', { path, detail });
}

/** A zod parse of the part of a project file at `root` ('' for the whole file), or E601 at its first issue. */
export function parsePart<T>(
  schema: { safeParse(raw: unknown): { success: true; data: T } | { success: false; error: SchemaError } },
  raw: unknown,
  root: string,
): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [...(root ? [root] : []), ...(issue?.path ?? []).map(String)].join('.');
  throw malformed(path || '(top level)', issue?.message ?? 'invalid');
}

interface SchemaError {
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
}
