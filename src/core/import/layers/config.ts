/** Reading a Keras / tfjs layer config, which tfjs writes in snake_case and some tools in camelCase. */

export type Config = Readonly<Record<string, unknown>>;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The value of `key` (snake_case) in a config, or of its camelCase spelling. */
export function param(config: Config, key: string): unknown {
  return config[key] ?? config[camel(key)];
}

/** A size per axis: Keras writes `3` or `[3, 3]`. */
export function perAxisParam(config: Config, key: string, axes: number, fallback?: number): unknown {
  const v = param(config, key) ?? fallback;
  return typeof v === 'number' ? Array.from({ length: axes }, () => v) : v;
}

/** An axis written as `3` or `[3]` (Keras BatchNormalization). */
export function axisParam(config: Config, key: string, fallback: number): unknown {
  const v = param(config, key) ?? fallback;
  return Array.isArray(v) && v.length === 1 ? v[0] : v;
}
