/* GRU (F-69), optimized: the gate rows' products over the step's input and over the state through
 * mn_weight_rows (four int8 rows at a time with mn_dot4, and packed weights, F-30), requantized in 32-bit
 * steps (mn_mbqm_fast), and the gate products in int32, which hold them exactly: |z·h·256| and |(1 − z)·c|
 * are at most 2^15·2^15 and their sum at most 2^30. mn_weight_rows visits rows in its own order, which
 * changes nothing: every pre-activation of a step reads only h and the step's input, and the candidate rows
 * read ρ, which is complete before them. A step's pre-activations are kept on the stack, a slice of units
 * at a time (step). */
#include <string.h>

#include "../mn_dot.h"
#include "../mn_fast.h"
#include "../mn_gru.h"
#include "../mn_ops.h"
#include "../mn_requant.h"

typedef struct {
    const int8_t *w, *u; /* W [3U, I], U [3U, U] */
    const uint8_t *bias, *rq;
    uint32_t depth, units;
    int32_t zx;
} mn_gru_fast_t;

/* F-69's clamp of the sum of the two requantized products, for the row whose [2, 2] requantization is at r. */
static int32_t requantize_at(const uint8_t *r, int32_t ax, int32_t ah) {
    const int64_t sum = (int64_t)mn_mbqm_fast(ax, mn_rd_i32_aligned(r), mn_rd_i32_aligned(r + 4)) +
                        mn_mbqm_fast(ah, mn_rd_i32_aligned(r + 8), mn_rd_i32_aligned(r + 12));
    return (int32_t)(sum < -MN_GRU_PRE_LIMIT ? -MN_GRU_PRE_LIMIT : sum > MN_GRU_PRE_LIMIT ? MN_GRU_PRE_LIMIT : sum);
}

/* v / 2^e rounded half away from zero, clamped to int8, for |v| <= 2^30. */
static int8_t round_shift(int32_t v, int e) {
    const int32_t q = ((v < 0 ? -v : v) + (1 << (e - 1))) >> e, r = v < 0 ? -q : q;
    return (int8_t)(r < -128 ? -128 : r > 127 ? 127 : r);
}

/* A step's pre-activations of up to MN_GRU_SLICE units at a time (each gate's rows of them), filled by
 * mn_weight_rows. */
#define MN_GRU_SLICE 64u

/* Rows row0, row0 + 1, …: pre[i], the bias and the requantization of row row0 + i. */
typedef struct {
    int32_t *pre;
    const uint8_t *bias, *rq;
} mn_gru_rows_t;

static mn_gru_rows_t rows_from(const mn_gru_fast_t *g, uint32_t row0, int32_t *pre) {
    const mn_gru_rows_t c = {pre, g->bias + 4u * row0, g->rq + 16u * row0};
    return c;
}

/* Input row i: the bias and the product over x. */
static void input_row(void *ctx, uint32_t i, int32_t dot) {
    const mn_gru_rows_t *c = (const mn_gru_rows_t *)ctx;
    c->pre[i] = mn_rd_i32_aligned(c->bias + 4u * i) + dot;
}

/* Recurrent row i: the pre-activation of that row. */
static void state_row(void *ctx, uint32_t i, int32_t dot) {
    const mn_gru_rows_t *c = (const mn_gru_rows_t *)ctx;
    c->pre[i] = requantize_at(c->rq + 16u * i, c->pre[i], dot);
}

/* The pre-activations of `count` rows from `row` into pre: W's over x, then U's over v (the first u_rows). */
static void gate_rows(const mn_gru_fast_t *g, const uint8_t types[2], const int8_t *x, const int8_t *v, uint32_t row,
                      uint32_t count, uint32_t u_rows, int32_t *pre) {
    mn_gru_rows_t c = rows_from(g, row, pre);
    const mn_rows_t rx = {(const uint8_t *)g->w, types[0], row * g->depth, g->depth, count, g->depth, x, g->zx};
    const mn_rows_t rh = {(const uint8_t *)g->u, types[1], row * g->units, g->units, u_rows, g->units, v, 0};
    mn_weight_rows(&rx, input_row, &c);
    if (u_rows != 0) mn_weight_rows(&rh, state_row, &c);
}

/* ρ = r ⊙ h for units j0 … j0 + m − 1, from their reset gates' pre-activations r_pre. */
static void reset_state(const int32_t *r_pre, const int8_t *h, uint32_t j0, uint32_t m, int hard, int8_t *reset_h) {
    for (uint32_t k = 0; k < m; k++) reset_h[j0 + k] = round_shift(mn_gru_gate(r_pre[k], hard) * h[j0 + k], 15);
}

/* Units j0 … j0 + m − 1 of y: the candidates' recurrent products over ρ added to cand (their input products),
 * then the update gates' z_pre blend h and the candidates. */
static void finish(const mn_gru_fast_t *g, uint8_t utype, const int8_t *h, const int8_t *reset_h, uint32_t j0,
                   uint32_t m, const int32_t *z_pre, int32_t *cand, int hard, int8_t *y) {
    const uint32_t units = g->units, row = 2u * units + j0;
    mn_gru_rows_t c = rows_from(g, row, cand);
    const mn_rows_t rc = {(const uint8_t *)g->u, utype, row * units, units, m, units, reset_h, 0};
    mn_weight_rows(&rc, state_row, &c);
    for (uint32_t k = 0; k < m; k++) {
        const int32_t z = mn_gru_gate(z_pre[k], hard);
        y[j0 + k] = round_shift(z * h[j0 + k] * 256 + (MN_GRU_ONE - z) * mn_gru_tanh(cand[k]), 23);
    }
}

/* One step. Up to MN_GRU_SLICE units, all three gates' input rows are one pass and the update and reset
 * gates' recurrent rows another. More units take the reset gates first, a slice of units at a time (ρ must
 * be whole before any candidate row), then the update and candidate rows slice by slice. */
static void step(const mn_gru_fast_t *g, const uint8_t types[2], const int8_t *x, int8_t *h, int hard, int8_t *y) {
    const uint32_t units = g->units;
    int32_t pre[3u * MN_GRU_SLICE];
    int8_t *reset_h = h + units;
    if (units <= MN_GRU_SLICE) {
        gate_rows(g, types, x, h, 0, 3u * units, 2u * units, pre);
        reset_state(pre + units, h, 0, units, hard, reset_h);
        finish(g, types[1], h, reset_h, 0, units, pre, pre + 2u * units, hard, y);
        return;
    }
    for (uint32_t j0 = 0; j0 < units; j0 += MN_GRU_SLICE) {
        const uint32_t m = units - j0 < MN_GRU_SLICE ? units - j0 : MN_GRU_SLICE;
        gate_rows(g, types, x, h, units + j0, m, m, pre);
        reset_state(pre, h, j0, m, hard, reset_h);
    }
    for (uint32_t j0 = 0; j0 < units; j0 += MN_GRU_SLICE) {
        const uint32_t m = units - j0 < MN_GRU_SLICE ? units - j0 : MN_GRU_SLICE;
        gate_rows(g, types, x, h, j0, m, m, pre);
        gate_rows(g, types, x, h, 2u * units + j0, m, 0, pre + m);
        finish(g, types[1], h, reset_h, j0, m, pre, pre + m, hard, y);
    }
}

void mn_gru_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = &op->in[0];
    const mn_gru_fast_t g = {(const int8_t *)(blob + op->k[0].offset), (const int8_t *)(blob + op->k[1].offset),
                             blob + op->k[2].offset, blob + op->k[3].offset, xt->dim[1], op->in[1].dim[1],
                             xt->zero_point};
    const uint8_t types[2] = {op->k[0].type, op->k[1].type};
    const uint32_t units = g.units, every = op->out.rank == 2;
    int8_t *h = (int8_t *)(arena + op->in[1].offset);
    if ((op->attr[0] & 1u) == 0) memset(h, 0, units);
    for (uint32_t t = 0; t < xt->dim[0]; t++) {
        int8_t *y = (int8_t *)(arena + op->out.offset) + (every ? t * units : 0u);
        step(&g, types, (const int8_t *)(arena + xt->offset) + t * g.depth, h, op->attr[1] == 1, y);
        memcpy(h, y, units);
    }
}
