/* Weight rows of any packing (F-30) for the optimized Dense and GRU kernels. Integer sums are exact and
 * associative, so how these loops group the products changes no output byte.
 * - INT8: four rows at a time (mn_dot4).
 * - INT4, rows that start on a 4-byte boundary and hold a multiple of 8 weights (up to 256; others a byte
 *   at a time): a little-endian word holds
 *   nibbles u_0 … u_7 of h = word ^ 0x88888888, u_k = w_k + 8. With H_k = h >> 4k, u_k = H_k − 16·H_(k+1),
 *   so Σ_k v_k·u_k = H_0·v_0 + Σ_(k≥1) H_k·(v_k − 16·v_(k−1)): one shift, multiply and add per weight
 *   against q_k = v_k − 16·v_(k−1) (v_k for k = 0 mod 8), computed once per input; Σ v_k·w_k adds −8·Σ v_k.
 *   The products wrap in uint32, and the sum they wrap to is the exact one, which fits int32 (F-44).
 * - TERNARY: five trits a byte; a row starting at element e begins at trit φ = e mod 5 of its first byte.
 *   For each φ that occurs, the input, shifted right by φ and padded with zeros, is cut into groups of five;
 *   each group gets two tables of sums over its first three and last two inputs (27 and 9 entries), so a
 *   byte of weights costs two table reads (the split tables say which). Weights outside the row meet the
 *   zero padding. Rows longer than the tables on the stack hold (72 weights) are summed a byte of five trits
 *   at a time (mn_dot_weights). */
#include "../mn_dot.h"
#include "../mn_weights.h"

/* As in dot-fast.c: GCC's first scheduling pass hoists loads far ahead and runs out of registers. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-schedule-insns")
#endif

#define MN_INT4_MAX 256u   /* weights a row, for q on the stack (512 bytes) */
#define MN_TERNARY_GROUPS 16u /* groups of five inputs, for the tables on the stack (1152 bytes) */
#define MN_GROUP 36u          /* table entries a group: 27 sums of three trits, 9 of two */

/* Byte offsets into a group's int16 table of the sums that byte b (its value mod 243, F-30) selects:
 * [0][b] = 2·(b mod 27), [1][b] = 2·(27 + b div 27). */
static const uint8_t k_split[2][256] = {
    {
        0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30,
        32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 0, 2, 4, 6, 8,
        10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40,
        42, 44, 46, 48, 50, 52, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18,
        20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50,
        52, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28,
        30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 0, 2, 4, 6,
        8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38,
        40, 42, 44, 46, 48, 50, 52, 0, 2, 4, 6, 8, 10, 12, 14, 16,
        18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48,
        50, 52, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26,
        28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 0, 2, 4,
        6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36,
        38, 40, 42, 44, 46, 48, 50, 52, 0, 2, 4, 6, 8, 10, 12, 14,
        16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46,
        48, 50, 52, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24,
    },
    {
        54, 54, 54, 54, 54, 54, 54, 54, 54, 54, 54, 54, 54, 54, 54, 54,
        54, 54, 54, 54, 54, 54, 54, 54, 54, 54, 54, 56, 56, 56, 56, 56,
        56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56,
        56, 56, 56, 56, 56, 56, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58,
        58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58,
        58, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60,
        60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 62, 62, 62, 62,
        62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62,
        62, 62, 62, 62, 62, 62, 62, 64, 64, 64, 64, 64, 64, 64, 64, 64,
        64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
        64, 64, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66,
        66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 68, 68, 68,
        68, 68, 68, 68, 68, 68, 68, 68, 68, 68, 68, 68, 68, 68, 68, 68,
        68, 68, 68, 68, 68, 68, 68, 68, 70, 70, 70, 70, 70, 70, 70, 70,
        70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70,
        70, 70, 70, 54, 54, 54, 54, 54, 54, 54, 54, 54, 54, 54, 54, 54,
    },
};

static void int8_rows(const mn_rows_t *p, mn_row_fn done, void *ctx) {
    const int8_t *w = (const int8_t *)p->w + p->first;
    uint32_t i = 0;
    for (; i + 4u <= p->rows; i += 4u) {
        int32_t acc[4] = {0, 0, 0, 0};
        const mn_dot_runs_t r = {p->x, w + i * p->stride, 0, 0, p->stride, p->n, 1};
        mn_dot4(&r, p->zx, acc);
        for (uint32_t k = 0; k < 4; k++) done(ctx, i + k, acc[k]);
    }
    for (; i < p->rows; i++) done(ctx, i, mn_dot1(p->x, w + i * p->stride, p->n, p->zx));
}

/* One word of an INT4 row against q[0..7]. */
#define MN_NIBBLES(a, word)                                                                                    \
    do {                                                                                                       \
        const uint32_t h = (uint32_t)mn_rd_i32_aligned(word) ^ 0x88888888u;                                   \
        a += h * q0 + (h >> 4) * q1 + (h >> 8) * q2 + (h >> 12) * q3 + (h >> 16) * q4 + (h >> 20) * q5 +       \
             (h >> 24) * q6 + (h >> 28) * q7;                                                                  \
    } while (0)

/* INT4 rows of any other layout, a byte (two weights) at a time. */
static void int4_bytes(const mn_rows_t *p, mn_row_fn done, void *ctx) {
    const int32_t zx = p->zx;
    for (uint32_t i = 0; i < p->rows; i++) {
        const uint32_t e = p->first + i * p->stride;
        const uint8_t *b = p->w + e / 2u;
        const int8_t *x = p->x, *end = x + p->n;
        int32_t a = 0;
        if ((e & 1u) != 0 && x != end) a += (*x++ - zx) * ((int8_t)*b++ >> 4); /* a row starting at a high nibble */
        for (; end - x >= 2; x += 2, b++) a += (x[0] - zx) * ((int8_t)(*b << 4) >> 4) + (x[1] - zx) * ((int8_t)*b >> 4);
        if (x != end) a += (*x - zx) * ((int8_t)(*b << 4) >> 4);
        done(ctx, i, a);
    }
}

static void int4_rows(const mn_rows_t *p, mn_row_fn done, void *ctx) {
    const uint32_t n = p->n, stride = p->stride / 2u;
    const uint8_t *w = p->w + p->first / 2u;
    if (n % 8u != 0 || n > MN_INT4_MAX || p->first % 8u != 0 || p->stride % 8u != 0 || !mn_aligned4(w)) {
        int4_bytes(p, done, ctx);
        return;
    }
    int16_t qs[MN_INT4_MAX];
    uint32_t base = 0; /* −8·Σ v_k */
    for (uint32_t k = 0; k < n; k++) {
        const int32_t v = p->x[k] - p->zx;
        qs[k] = (int16_t)((k % 8u) != 0 ? v - 16 * (p->x[k - 1] - p->zx) : v);
        base -= 8u * (uint32_t)v;
    }
    uint32_t i = 0;
    for (; i < p->rows; i += 4u) {
        const uint32_t m = p->rows - i < 4u ? p->rows - i : 4u; /* rows past the last read row 0 again */
        const uint8_t *r0 = w + i * stride, *r1 = m > 1 ? r0 + stride : r0, *r2 = m > 2 ? r0 + 2 * stride : r0;
        const uint8_t *r3 = m > 3 ? r0 + 3 * stride : r0;
        uint32_t a0 = base, a1 = base, a2 = base, a3 = base;
        for (const int16_t *q = qs, *end = qs + n; q != end; q += 8, r0 += 4, r1 += 4, r2 += 4, r3 += 4) {
            const uint32_t q0 = (uint32_t)q[0], q1 = (uint32_t)q[1], q2 = (uint32_t)q[2], q3 = (uint32_t)q[3];
            const uint32_t q4 = (uint32_t)q[4], q5 = (uint32_t)q[5], q6 = (uint32_t)q[6], q7 = (uint32_t)q[7];
            MN_NIBBLES(a0, r0);
            MN_NIBBLES(a1, r1);
            MN_NIBBLES(a2, r2);
            MN_NIBBLES(a3, r3);
        }
        const uint32_t a[4] = {a0, a1, a2, a3};
        for (uint32_t k = 0; k < m; k++) done(ctx, i + k, (int32_t)a[k]);
    }
}

/* Three table entries: s − a, s, s + a. */
#define MN_TRIPLE(t, s, a) ((t)[0] = (int16_t)((s) - (a)), (t)[1] = (int16_t)(s), (t)[2] = (int16_t)((s) + (a)))

/* The tables of `groups` groups of the input shifted right by `phase` trits; padded holds the inputs minus
 * zx with four zeros before them and at least eight after. */
static void ternary_tables(const int16_t *padded, uint32_t phase, uint32_t groups, int16_t *t) {
    for (const int16_t *v = padded + 4u - phase, *end = v + 5u * groups; v != end; v += 5, t += MN_GROUP) {
        const int32_t v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3], v4 = v[4];
        /* Entry i0 + 3·i1 + 9·i2 of the first 27 is Σ_j (i_j − 1)·v_j, entry 27 + i3 + 3·i4 of the last 9 likewise. */
        MN_TRIPLE(t, -v2 - v1, v0), MN_TRIPLE(t + 3, -v2, v0), MN_TRIPLE(t + 6, -v2 + v1, v0);
        MN_TRIPLE(t + 9, -v1, v0), MN_TRIPLE(t + 12, 0, v0), MN_TRIPLE(t + 15, v1, v0);
        MN_TRIPLE(t + 18, v2 - v1, v0), MN_TRIPLE(t + 21, v2, v0), MN_TRIPLE(t + 24, v2 + v1, v0);
        MN_TRIPLE(t + 27, -v4, v3), MN_TRIPLE(t + 30, 0, v3), MN_TRIPLE(t + 33, v4, v3);
    }
}

static void ternary_rows(const mn_rows_t *p, mn_row_fn done, void *ctx) {
    const uint32_t n = p->n, stride = p->stride, period = stride % 5u != 0 ? 5u : 1u; /* rows i, i + 5: one phase */
    if ((n + 8u) / 5u > MN_TERNARY_GROUPS) { /* too long for the tables on the stack: a byte of trits at a time */
        for (uint32_t i = 0; i < p->rows; i++) {
            done(ctx, i, mn_dot_weights(p->x, p->zx, p->w, p->type, p->first + i * stride, n));
        }
        return;
    }
    int16_t tables[MN_TERNARY_GROUPS * MN_GROUP];
    int16_t padded[5u * MN_TERNARY_GROUPS + 4u] = {0};
    for (uint32_t k = 0; k < n; k++) padded[4u + k] = (int16_t)(p->x[k] - p->zx);
    for (uint32_t i0 = 0; i0 < period && i0 < p->rows; i0++) {
        const uint32_t phase = (p->first + i0 * stride) % 5u, groups = (phase + n + 4u) / 5u;
        ternary_tables(padded, phase, groups, tables);
        for (uint32_t i = i0; i < p->rows; i += period) {
            const uint8_t *b = p->w + (p->first + i * stride) / 5u, *end = b + groups;
            const uint8_t *t = (const uint8_t *)tables; /* stepped in bytes, as k_split's offsets are */
            int32_t a = 0;
            for (; b != end; b++, t += 2u * MN_GROUP) {
                const uint8_t *s = &k_split[0][*b];
                a += *(const int16_t *)(const void *)(t + s[0]) + *(const int16_t *)(const void *)(t + s[256]);
            }
            done(ctx, i, a);
        }
    }
}

void mn_weight_rows(const mn_rows_t *p, mn_row_fn done, void *ctx) {
    switch (p->type) {
        case MN_T_INT8: int8_rows(p, done, ctx); break;
        case MN_T_INT4: int4_rows(p, done, ctx); break;
        default: ternary_rows(p, done, ctx); break;
    }
}
