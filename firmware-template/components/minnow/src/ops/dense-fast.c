/* Dense (F-53), optimized: four output units per pass over the input row (mn_dot4); packed weights row by
 * row through mn_weight_rows. */
#include "../mn_dot.h"
#include "../mn_fast.h"
#include "../mn_ops.h"
#include "../mn_requant.h"

/* One input row's outputs, for mn_weight_rows. */
typedef struct {
    const mn_op_t *op;
    const uint8_t *bias, *rq;
    int8_t *y;
} mn_dense_row_t;

static void output(void *ctx, uint32_t u, int32_t dot) {
    const mn_dense_row_t *d = (const mn_dense_row_t *)ctx;
    const uint8_t *rk = d->rq + 8u * u;
    d->y[u] = mn_requant_fast(mn_rd_i32_aligned(d->bias + 4u * u) + dot, mn_rd_i32_aligned(rk),
                              mn_rd_i32_aligned(rk + 4), d->op->out.zero_point, d->op->act_min, d->op->act_max);
}

void mn_dense_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = &op->in[0], *yt = &op->out;
    const uint32_t in = xt->dim[xt->rank - 1u], units = yt->dim[yt->rank - 1u], rows = xt->count / in;
    const uint8_t *w = blob + op->k[0].offset;
    const uint8_t *bias = blob + op->k[1].offset, *rq = blob + op->k[2].offset;
    for (uint32_t r = 0; r < rows; r++) {
        const int8_t *x = (const int8_t *)(arena + xt->offset) + r * in;
        mn_dense_row_t d = {op, bias, rq, (int8_t *)(arena + yt->offset) + r * units};
        const mn_rows_t rw = {w, op->k[0].type, 0, in, units, in, x, xt->zero_point};
        mn_weight_rows(&rw, output, &d);
    }
}
