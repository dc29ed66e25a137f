/* DepthwiseConv2D (F-55), optimized for 3x3 windows with stride_w 1 or 2 (the common cases; other windows,
 * stride_w > 2 and packed weights run the naive kernel). One output channel at a time, row by row, its nine
 * weights held in registers: each input column is loaded once (three bytes) and feeds the outputs whose
 * windows contain it (three, or with stride_w 2 one or two), so a MAC is a multiply and an add. Out-of-range taps read as zx (their x − zx
 * is 0), and the zx terms are folded into the bias once per channel (again at border rows). The sums are
 * kept in uint32: they equal the naive kernel's int32 sums (which never overflow, F-44) modulo 2^32, and an
 * intermediate of the folded order may leave int32 without undefined behaviour; so no output byte changes. */
#include "../mn_fast.h"
#include "../mn_ops.h"
#include "../mn_requant.h"
#include "../mn_weights.h" /* MN_SPECIALIZE */

/* GCC's first scheduling pass hoists loads far ahead and runs out of registers (as in dot-fast.c). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-schedule-insns")
#endif

/* What every output channel of the op shares. */
typedef struct {
    const mn_op_t *op;
    const uint8_t *blob;
    const int8_t *x;
    int8_t *y;
    int32_t H, W, C, CO, OH, OW, pl, zx, zy, lo;
    uint32_t range; /* act_max − act_min */
} mn_dw_t;

/* F-50 … F-52 for shift ≤ −1 (e = −shift ≥ 1) and m ≥ 0 (F-43), in 32-bit steps, equal for every int32
 * acc. With p = acc·m = hi·2^32 + lo:
 * - SRDHM = trunc((p + nudge) / 2^31) equals floor((p + 2^30) / 2^31) for either sign of p (for p < 0, trunc
 *   is ceil and ceil(q / d) = floor((q + d − 1) / d)), which is 2·hi + floor((floor(lo / 2^30) + 1) / 2);
 *   |p| < 2^62 keeps it within (−2^31, 2^31 − 1).
 * - RDBPOT(s, e) = floor((s + 2^(e−1) − [s < 0]) / 2^e) = floor((floor((s − [s < 0]) / 2^(e−1)) + 1) / 2).
 * The result is within ±(2^30 + 1), so adding zy cannot overflow. */
MN_SPECIALIZE int32_t mn_dw_requant(uint32_t acc, int32_t m, int e1, int32_t zy, int32_t lo, uint32_t range) {
    const int64_t p = (int64_t)(int32_t)acc * m;
    const uint32_t plo = (uint32_t)p, phi = (uint32_t)(p >> 32);
    const int32_t s = (int32_t)((phi << 1) + (((plo >> 30) + 1u) >> 1));
    const int32_t v = zy + ((((s - (int32_t)((uint32_t)s >> 31)) >> e1) + 1) >> 1);
    /* One unsigned compare finds both ends of the clamp (F-52) in the common in-range case. */
    if ((uint32_t)(v - lo) > range) return v < lo ? lo : lo + (int32_t)range;
    return v;
}

/* The per-output constants in locals: a store through int8_t * may alias any struct field, which would
 * make the compiler reload them after every output. */
MN_SPECIALIZE int32_t requant(uint32_t acc, int32_t m, int32_t shift, int32_t zy, int32_t lo, uint32_t range,
                              int exact) {
    if (exact) return mn_requant((int32_t)acc, m, shift, zy, lo, lo + (int32_t)range);
    return mn_dw_requant(acc, m, -shift - 1, zy, lo, range);
}

/* Input column j of the three rows (zx outside the input). */
static void column(const mn_dw_t *d, const int8_t *const row[3], int32_t j, int32_t v[3]) {
    for (int k = 0; k < 3; k++) v[k] = j >= 0 && j < d->W ? row[k][j * d->C] : d->zx;
}

/* Adds input column (c0, c1, c2) as the last column of output *y (then written), the middle one of the
 * next output (a) and the first one of the output after (b). */
#define MN_DW_STEP(c0, c1, c2)                                                                     \
    do {                                                                                           \
        const int32_t x0 = (c0), x1 = (c1), x2 = (c2); /* loaded before the store below */         \
        *y = (int8_t)requant(a + (uint32_t)(x0 * w2 + x1 * w5 + x2 * w8), m, sh, zy, lo, rg, exact); \
        a = b + (uint32_t)(x0 * w1 + x1 * w4 + x2 * w7);                                           \
        b = bias + (uint32_t)(x0 * w0 + x1 * w3 + x2 * w6);                                        \
    } while (0)

/* Stride_w 2: adds input columns (c0, c1, c2) and (c3, c4, c5) as the middle and last columns of output *y
 * (then written), whose first is in a; the second is the first column of the next output. */
#define MN_DW_STEP2(c0, c1, c2, c3, c4, c5)                                                                   \
    do {                                                                                                   \
        const int32_t x0 = (c0), x1 = (c1), x2 = (c2), x3 = (c3), x4 = (c4), x5 = (c5);                    \
        *y = (int8_t)requant(a + (uint32_t)(x0 * w1 + x1 * w4 + x2 * w7 + x3 * w2 + x4 * w5 + x5 * w8), m, sh, \
                             zy, lo, rg, exact);                                                           \
        a = bias + (uint32_t)(x3 * w0 + x4 * w3 + x5 * w6);                                                \
    } while (0)

/* Kernel rows of an output row whose input row is inside the input: bit ky set. */
static unsigned rows_in(int32_t iy0, int32_t H) {
    unsigned in = 0;
    for (int32_t ky = 0; ky < 3; ky++) in |= (unsigned)(iy0 + ky >= 0 && iy0 + ky < H) << ky;
    return in;
}

/* Channel o's weights [ky·3 + kx], with the kernel rows not in `in` zeroed (they read zx); returns its
 * bias with the zx terms folded in, B[o] − zx·Σ w. */
static uint32_t weights(const mn_dw_t *d, int32_t o, unsigned in, int32_t wk[9]) {
    const int8_t *w = (const int8_t *)(d->blob + d->op->k[0].offset) + o;
    int32_t sum = 0;
    for (int32_t k = 0; k < 9; k++) {
        wk[k] = (in >> (k / 3) & 1u) ? w[k * d->CO] : 0;
        sum += wk[k];
    }
    return (uint32_t)mn_rd_i32_aligned(d->blob + d->op->k[1].offset + 4 * o) - (uint32_t)d->zx * (uint32_t)sum;
}

/* Output channel o, row by row; the weights stay in registers while the rows are inside the input. Output
 * ox needs columns ox − pl … ox − pl + 2. Before column j = ox − pl + 2 is added, a holds output ox without
 * its last column and b output ox + 1 with only its first. `exact` is constant at each call. */
MN_SPECIALIZE void channel(const mn_dw_t *d, int32_t o, int32_t m, int32_t sh, int exact) {
    const int32_t C = d->C, CO = d->CO, zx = d->zx, zy = d->zy, lo = d->lo, sy = d->op->attr[0];
    const uint32_t rg = d->range;
    const int8_t *xc = d->x + o / d->op->attr[4];
    /* Outputs whose last column is inside the input: [from, to). */
    int32_t from = d->pl - 2, to = d->W + d->pl - 2;
    from = from < 0 ? 0 : from > d->OW ? d->OW : from;
    to = to > d->OW ? d->OW : to;
    int32_t wk[9], w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0, w8 = 0;
    uint32_t bias = 0;
    unsigned have = 8u; /* no weights yet */
    for (int32_t oy = 0; oy < d->OH; oy++) {
        const int32_t iy0 = oy * sy - d->op->attr[2];
        const int inside = iy0 >= 0 && iy0 + 3 <= d->H; /* most rows: no kernel row outside the input */
        const unsigned in = inside ? 7u : rows_in(iy0, d->H);
        if (in != have) {
            bias = weights(d, o, have = in, wk);
            w0 = wk[0], w1 = wk[1], w2 = wk[2], w3 = wk[3], w4 = wk[4], w5 = wk[5], w6 = wk[6], w7 = wk[7];
            w8 = wk[8];
        }
        const int8_t *row[3];
        for (int32_t ky = 0; ky < 3; ky++) { /* a row outside the input (weights 0) reads a valid one */
            const int32_t iy = inside ? iy0 + ky : iy0 + ky < 0 ? 0 : iy0 + ky >= d->H ? d->H - 1 : iy0 + ky;
            row[ky] = xc + iy * d->W * C;
        }
        int8_t *y = d->y + oy * d->OW * CO + o;
        int32_t v[3];
        if (d->op->attr[1] == 2) { /* stride_w 2: output ox adds columns 2·ox − pl + 1, + 2 to its first */
            column(d, row, -d->pl, v);
            uint32_t a = bias + (uint32_t)(v[0] * w0 + v[1] * w3 + v[2] * w6);
            int32_t j = 1 - d->pl;
            const int32_t j_end = 2 * d->OW - d->pl;
            for (; j < j_end; j += 2, y += CO) {
                if (j >= 0 && j + 1 < d->W) { /* the columns inside the input, with pointers */
                    const int32_t last = j_end - 1 < d->W - 2 ? j_end - 1 : d->W - 2, steps = (last - j) / 2 + 1;
                    const int8_t *p0 = row[0] + j * C, *p1 = row[1] + j * C, *p2 = row[2] + j * C;
                    for (int8_t *const in_end = y + steps * CO; y != in_end; y += CO, p0 += 2 * C, p1 += 2 * C, p2 += 2 * C) {
                        MN_DW_STEP2(p0[0], p1[0], p2[0], p0[C], p1[C], p2[C]);
                    }
                    j += 2 * steps;
                    if (j >= j_end) break;
                }
                int32_t u[3];
                column(d, row, j, v);
                column(d, row, j + 1, u);
                MN_DW_STEP2(v[0], v[1], v[2], u[0], u[1], u[2]);
            }
            continue;
        }
        column(d, row, -d->pl, v);
        uint32_t a = bias + (uint32_t)(v[0] * w0 + v[1] * w3 + v[2] * w6);
        column(d, row, 1 - d->pl, v);
        a += (uint32_t)(v[0] * w1 + v[1] * w4 + v[2] * w7);
        uint32_t b = bias + (uint32_t)(v[0] * w0 + v[1] * w3 + v[2] * w6);
        int8_t *const left_end = y + from * CO, *const end = y + d->OW * CO;
        for (; y != left_end; y += CO) MN_DW_STEP(zx, zx, zx); /* left of the input (pad_left > 2) */
        if (from < to) {
            const int32_t j = from - d->pl + 2;
            const int8_t *p0 = row[0] + j * C, *p1 = row[1] + j * C, *p2 = row[2] + j * C;
            for (int8_t *const in_end = y + (to - from) * CO; y != in_end; y += CO, p0 += C, p1 += C, p2 += C) {
                MN_DW_STEP(*p0, *p1, *p2);
            }
        }
        for (; y != end; y += CO) MN_DW_STEP(zx, zx, zx); /* right of the input */
    }
}

void mn_depthwise_conv2d_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = &op->in[0], *yt = &op->out, *wt = &op->k[0];
    if (wt->type != MN_T_INT8 || wt->dim[0] != 3 || wt->dim[1] != 3 || op->attr[1] > 2 ||
        !mn_aligned4(blob + op->k[1].offset) || !mn_aligned4(blob + op->k[2].offset)) {
        mn_depthwise_conv2d_run(op, blob, arena);
        return;
    }
    const mn_dw_t d = {op,
                       blob,
                       (const int8_t *)(arena + xt->offset),
                       (int8_t *)(arena + yt->offset),
                       (int32_t)xt->dim[0],
                       (int32_t)xt->dim[1],
                       (int32_t)xt->dim[2],
                       (int32_t)yt->dim[2],
                       (int32_t)yt->dim[0],
                       (int32_t)yt->dim[1],
                       op->attr[3],
                       xt->zero_point,
                       yt->zero_point,
                       op->act_min,
                       (uint32_t)(op->act_max - op->act_min)};
    for (int32_t o = 0; o < d.CO; o++) {
        const uint8_t *rq = blob + op->k[2].offset + 8 * o;
        const int32_t m = mn_rd_i32_aligned(rq), shift = mn_rd_i32_aligned(rq + 4);
        if (shift <= -1) {
            channel(&d, o, m, shift, 0);
        } else {
            channel(&d, o, m, shift, 1);
        }
    }
}
