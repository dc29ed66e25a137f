/**
 * Records keyed by user text (layer ids, weight names). A plain object answers to "constructor", "toString" or
 * "__proto__" before anything is stored in it, and assigning "__proto__" replaces its prototype instead of
 * adding a key: these records have no prototype, and lookups read own keys only.
 */
export function textKeyed<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
