/* Fixed-point requantization, exactly as docs/FORMAT.md F-50 … F-52. */
#ifndef MN_REQUANT_H
#define MN_REQUANT_H

#include <stdint.h>

static inline int32_t mn_srdhm(int32_t a, int32_t b) {
    if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
    int64_t ab = (int64_t)a * (int64_t)b;
    int64_t nudge = ab >= 0 ? ((int64_t)1 << 30) : (1 - ((int64_t)1 << 30));
    return (int32_t)((ab + nudge) / ((int64_t)1 << 31));
}

static inline int32_t mn_rdbpot(int32_t x, int e) {
    int32_t mask = (int32_t)(((uint32_t)1 << e) - 1u);
    int32_t remainder = x & mask;
    int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    /* Right shift of a negative int32 is implementation-defined in C99; every supported compiler
     * (GCC, Clang) shifts arithmetically, which F-50 requires. */
    return (x >> e) + (remainder > threshold ? 1 : 0);
}

static inline int32_t mn_mbqm(int32_t x, int32_t m, int shift) {
    int left = shift > 0 ? shift : 0;
    int right = shift > 0 ? 0 : -shift;
    int64_t xs = (int64_t)x * ((int64_t)1 << left);
    if (xs > INT32_MAX) xs = INT32_MAX;
    if (xs < INT32_MIN) xs = INT32_MIN;
    return mn_rdbpot(mn_srdhm((int32_t)xs, m), right);
}

/* MBQM (F-50, F-51) in 32-bit steps for m >= 0 (F-43 guarantees it), equal to mn_mbqm for every int32 x
 * and shift in [-31, 30]: RV32 has no 64-bit shifts or divisions, and this is about a third of the
 * instructions. With p = xs·m = hi·2^32 + lo (lo unsigned):
 * - the left shift saturates exactly where x·2^shift leaves int32;
 * - SRDHM = trunc((p + nudge) / 2^31) equals floor((p + 2^30) / 2^31) for either sign of p (for p < 0,
 *   trunc is ceil and ceil(q / d) = floor((q + d − 1) / d)), which is 2·hi + floor((floor(lo / 2^30) + 1) / 2);
 *   with m >= 0 the result s lies in (−2^31, 2^31 − 1);
 * - RDBPOT(s, e) = floor((s + 2^(e−1) − [s < 0]) / 2^e) = floor((floor((s − [s < 0]) / 2^(e−1)) + 1) / 2). */
static inline int32_t mn_mbqm_fast(int32_t x, int32_t m, int32_t shift) {
    if (shift > 0) {
        const int32_t limit = INT32_MAX >> shift;
        x = x > limit ? INT32_MAX : x < -limit - 1 ? INT32_MIN : (int32_t)((uint32_t)x << shift);
    }
    const int64_t p = (int64_t)x * m;
    const uint32_t lo = (uint32_t)p, hi = (uint32_t)(p >> 32);
    const int32_t s = (int32_t)((hi << 1) + (((lo >> 30) + 1u) >> 1));
    if (shift >= 0) return s;
    return (((s - (int32_t)((uint32_t)s >> 31)) >> (-shift - 1)) + 1) >> 1;
}

/* F-52 with mn_mbqm_fast (m >= 0). */
static inline int8_t mn_requant_fast(int32_t acc, int32_t m, int32_t shift, int32_t zp, int32_t lo, int32_t hi) {
    const int64_t v = (int64_t)zp + mn_mbqm_fast(acc, m, shift);
    return (int8_t)(v < lo ? lo : v > hi ? hi : v);
}

/* F-52: clamp(zp + MBQM(acc, m, shift), lo, hi) with the addition exact. */
static inline int8_t mn_requant(int32_t acc, int32_t m, int shift, int32_t zp, int32_t lo, int32_t hi) {
    int64_t v = (int64_t)zp + mn_mbqm(acc, m, shift);
    if (v < lo) v = lo;
    if (v > hi) v = hi;
    return (int8_t)v;
}

#endif
