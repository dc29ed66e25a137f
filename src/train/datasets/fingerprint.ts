import { sampleOf, type Dataset } from './types.ts';

/** FNV-1a over bytes, continuing from `hash`. */
function fnv(bytes: Uint8Array, hash = 0x811c9dc5): number {
  let h = hash;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

/**
 * A hash of the data set as a multiset of (label, sample values) pairs: the same samples with the same
 * labels give the same fingerprint in any order. It shows that two routes into training (recorded
 * captures, the folder they were exported to) give the model exactly the same numbers.
 */
export function datasetFingerprint(dataset: Dataset, labelOf: (i: number) => string): string {
  const each: number[] = [];
  for (let i = 0; i < dataset.count; i++) {
    const x = sampleOf(dataset, i);
    const label = new TextEncoder().encode(labelOf(i));
    each.push(fnv(new Uint8Array(x.buffer, x.byteOffset, x.byteLength), fnv(label)));
  }
  each.sort((a, b) => a - b);
  return fnv(new Uint8Array(Uint32Array.from(each).buffer))
    .toString(16)
    .padStart(8, '0');
}
