import type { ModelSpec } from '../core/model/types.ts';

/** JSON with object keys sorted at every level, so the same model always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over UTF-16 code units, from a given offset basis. */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h;
}

/**
 * Names a model's structure (PT-2): two FNV-1a hashes (different bases, 64 bits in all) of its canonical
 * JSON without its name, which follows the project's. Any other change (a layer, a parameter, the input
 * shape) gives another fingerprint; undoing the change gives the old one back.
 */
export function modelFingerprint(spec: ModelSpec): string {
  const text = canonical({ ...spec, name: '' });
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `fnv1a:${hex(fnv1a(text, 0x811c9dc5))}${hex(fnv1a(text, 0x050c5d1f))}`;
}
