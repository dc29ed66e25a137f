/** CRC-32/IEEE (zlib, PNG): reflected polynomial 0xEDB88320, init and final XOR 0xFFFFFFFF (FORMAT F-14). */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC of `bytes`, continuing from `previous` (the CRC of the bytes before them; 0 to start), so that
 * crc32(b, crc32(a)) equals the CRC of a followed by b — the chaining the C side's mn_crc32 offers.
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let c = ~previous >>> 0;
  for (let i = 0; i < bytes.length; i++) c = (TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}
