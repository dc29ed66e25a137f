/* Weights stored as INT8, INT4 or TERNARY (docs/FORMAT.md F-30), unpacked on the fly. */
#ifndef MN_WEIGHTS_H
#define MN_WEIGHTS_H

#include "mn_internal.h"

/* The five trits of every byte value: k_mn_trits[b][j] = floor(b / 3^j) mod 3 − 1. */
extern const int8_t k_mn_trits[256][5];

/* A kernel body marked so is inlined at each call site, where a constant argument (packed or not) removes the
 * unpacking test from its inner loop. */
#if defined(__GNUC__)
#define MN_SPECIALIZE __attribute__((always_inline)) static inline
#else
#define MN_SPECIALIZE static inline
#endif

/* Weight element i. */
static inline int32_t mn_weight(const uint8_t *w, uint8_t type, uint32_t i) {
    if (type == MN_T_INT4) {
        const int32_t n = (i & 1u) ? (w[i >> 1] >> 4) : (w[i >> 1] & 15);
        return n >= 8 ? n - 16 : n;
    }
    if (type == MN_T_TERNARY) return k_mn_trits[w[i / 5u]][i % 5u];
    return (int8_t)w[i];
}

/* Σ_{i<n} (v[i] − zv) · weight(start + i): whole bytes of packed weights are decoded together. One copy, in
 * mn_weights.c, for the naive kernels (the optimized ones have their own loops). */
int32_t mn_dot_weights(const int8_t *v, int32_t zv, const uint8_t *w, uint8_t type, uint32_t start, uint32_t n);

#endif
