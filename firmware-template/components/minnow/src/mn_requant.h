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

/* F-52: clamp(zp + MBQM(acc, m, shift), lo, hi) with the addition exact. */
static inline int8_t mn_requant(int32_t acc, int32_t m, int shift, int32_t zp, int32_t lo, int32_t hi) {
    int64_t v = (int64_t)zp + mn_mbqm(acc, m, shift);
    if (v < lo) v = lo;
    if (v > hi) v = hi;
    return (int8_t)v;
}

#endif
