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

/* Σ_{i<n} (v[i] − zv) · weight(start + i): whole bytes of packed weights are decoded together. */
static inline int32_t mn_dot_weights(const int8_t *v, int32_t zv, const uint8_t *w, uint8_t type, uint32_t start,
                                     uint32_t n) {
    int32_t acc = 0;
    uint32_t i = 0;
    if (type == MN_T_INT8) {
        const int8_t *wp = (const int8_t *)w + start;
        for (; i < n; i++) acc += (v[i] - zv) * wp[i];
        return acc;
    }
    const uint32_t per = type == MN_T_INT4 ? 2u : 5u;
    for (; i < n && (start + i) % per != 0u; i++) acc += (v[i] - zv) * mn_weight(w, type, start + i);
    if (type == MN_T_TERNARY) {
        for (; i + 5u <= n; i += 5u) {
            const int8_t *t = k_mn_trits[w[(start + i) / 5u]];
            const int8_t *x = v + i;
            acc += (x[0] - zv) * t[0] + (x[1] - zv) * t[1] + (x[2] - zv) * t[2] + (x[3] - zv) * t[3] +
                   (x[4] - zv) * t[4];
        }
    } else {
        for (; i + 2u <= n; i += 2u) {
            const uint8_t b = w[(start + i) >> 1];
            const int32_t lo = b & 15, hi = b >> 4;
            acc += (v[i] - zv) * (lo >= 8 ? lo - 16 : lo) + (v[i + 1] - zv) * (hi >= 8 ? hi - 16 : hi);
        }
    }
    for (; i < n; i++) acc += (v[i] - zv) * mn_weight(w, type, start + i);
    return acc;
}

#endif
