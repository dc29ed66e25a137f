/* GRU (opcode 15), docs/FORMAT.md F-68, F-69: tfjs's cell with the reset gate applied before the
 * recurrent product. X [T, I], state H [2, U] (the state, then the reset-gated state), Y [T, U] or [U]. */
#include <string.h>

#include "../mn_gru.h"
#include "../mn_ops.h"
#include "../mn_requant.h"
#include "../mn_weights.h"

/* round(32768 · σ(k / 4)) for k = 0 … 32 (F-68). */
const int32_t k_mn_gru_knots[33] = {
    16384, 18421, 20397, 22255, 23955, 25471, 26790, 27917, 28862, 29644, 30282,
    30799, 31214, 31545, 31807, 32015, 32179, 32307, 32408, 32487, 32549, 32597,
    32635, 32664, 32687, 32705, 32719, 32730, 32738, 32745, 32750, 32754, 32757
};

/* v / 2^e rounded half away from zero, clamped to int8. */
static int8_t round_shift_i8(int64_t v, int e) {
    const int64_t q = ((v < 0 ? -v : v) + ((int64_t)1 << (e - 1))) >> e;
    const int64_t r = v < 0 ? -q : q;
    return (int8_t)(r < -128 ? -128 : r > 127 ? 127 : r);
}

mn_status_t mn_gru_attr(const mn_op_t *op, const uint8_t *blob) {
    if (op->attr[0] > 1 || op->attr[1] > 1) return MN_E_BLOB_OP_ATTRIBUTES;
    return mn_clamp_full_attr(op, blob);
}

mn_status_t mn_gru_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const mn_tensor_t *x = &op->in[0], *s = &op->in[1], *y = &op->out;
    const uint32_t steps = x->dim[0], depth = x->dim[1], units = s->dim[1], rows = 3u * units;
    if (s->dim[0] != 2 || rows > 65535u) return MN_E_BLOB_OP_SHAPE;
    if (y->rank == 2 ? !mn_is_shape(y, 2, steps, units, 0, 0) : !mn_is_shape(y, 1, units, 0, 0, 0)) {
        return MN_E_BLOB_OP_SHAPE;
    }
    if (!mn_is_shape(&op->k[0], 2, rows, depth, 0, 0) || !mn_is_shape(&op->k[1], 2, rows, units, 0, 0) ||
        !mn_is_shape(&op->k[2], 1, rows, 0, 0, 0) || !mn_is_shape(&op->k[3], 2, rows, 4, 0, 0)) {
        return MN_E_BLOB_OP_SHAPE;
    }
    return depth > MN_MAX_REDUCE || units > MN_MAX_REDUCE ? MN_E_BLOB_OP_SHAPE : MN_OK;
}

mn_status_t mn_gru_values(const mn_op_t *op, const uint8_t *blob) {
    mn_tensor_t pairs = op->k[3]; /* R [3U, 4] read as [6U, 2] (multiplier, shift) pairs */
    pairs.dim[0] *= 2u;
    return mn_check_requant(blob, &pairs, &op->k[2], op->in[0].dim[1]);
}

typedef struct {
    const int8_t *x;
    const uint8_t *w, *u;
    uint8_t wtype, utype;
    const uint8_t *bias, *rq;
    uint32_t depth, units;
    int32_t zx;
} gru_t;

/* Q12 pre-activation of gate row g at step t, the recurrent product over `from`. */
static int32_t pre(const gru_t *g, uint32_t t, uint32_t row, const int8_t *from) {
    const int32_t acc_x = mn_rd_i32(g->bias + 4u * row) +
                          mn_dot_weights(g->x + t * g->depth, g->zx, g->w, g->wtype, row * g->depth, g->depth);
    const int32_t acc_h = mn_dot_weights(from, 0, g->u, g->utype, row * g->units, g->units);
    const uint8_t *r = g->rq + 16u * row;
    const int64_t sum =
        (int64_t)mn_mbqm(acc_x, mn_rd_i32(r), mn_rd_i32(r + 4)) + mn_mbqm(acc_h, mn_rd_i32(r + 8), mn_rd_i32(r + 12));
    return (int32_t)(sum < -MN_GRU_PRE_LIMIT ? -MN_GRU_PRE_LIMIT : sum > MN_GRU_PRE_LIMIT ? MN_GRU_PRE_LIMIT : sum);
}

void mn_gru_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = &op->in[0];
    const gru_t g = {(const int8_t *)(arena + xt->offset), blob + op->k[0].offset, blob + op->k[1].offset,
                     op->k[0].type, op->k[1].type, blob + op->k[2].offset, blob + op->k[3].offset, xt->dim[1],
                     op->in[1].dim[1], xt->zero_point};
    const uint32_t units = g.units, every = op->out.rank == 2;
    const int hard = op->attr[1] == 1;
    int8_t *h = (int8_t *)(arena + op->in[1].offset), *reset_h = h + units;
    if ((op->attr[0] & 1u) == 0) memset(h, 0, units);
    for (uint32_t t = 0; t < xt->dim[0]; t++) {
        for (uint32_t j = 0; j < units; j++) {
            reset_h[j] = round_shift_i8((int64_t)mn_gru_gate(pre(&g, t, units + j, h), hard) * h[j], 15);
        }
        int8_t *y = (int8_t *)(arena + op->out.offset) + (every ? t * units : 0u);
        for (uint32_t j = 0; j < units; j++) {
            const int64_t z = mn_gru_gate(pre(&g, t, j, h), hard), candidate = mn_gru_tanh(pre(&g, t, 2u * units + j, reset_h));
            y[j] = round_shift_i8(z * h[j] * 256 + (MN_GRU_ONE - z) * candidate, 23);
        }
        memcpy(h, y, units);
    }
}
