/* Dense (F-53), optimized: four output units per pass over the input row (mn_dot4). */
#include "../mn_dot.h"
#include "../mn_fast.h"
#include "../mn_ops.h"
#include "../mn_requant.h"

void mn_dense_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = &op->in[0], *yt = &op->out;
    const uint32_t in = xt->dim[xt->rank - 1u], units = yt->dim[yt->rank - 1u], rows = xt->count / in;
    const int8_t *w = (const int8_t *)(blob + op->k[0].offset);
    const uint8_t *bias = blob + op->k[1].offset, *rq = blob + op->k[2].offset;
    const int32_t zx = xt->zero_point, zy = yt->zero_point;
    if (!mn_aligned4(bias) || !mn_aligned4(rq) || op->k[0].type != MN_T_INT8) {
        mn_dense_run(op, blob, arena);
        return;
    }
    for (uint32_t r = 0; r < rows; r++) {
        const int8_t *x = (const int8_t *)(arena + xt->offset) + r * in;
        int8_t *y = (int8_t *)(arena + yt->offset) + r * units;
        uint32_t u = 0;
        for (; u + 4u <= units; u += 4u) {
            int32_t acc[4];
            for (uint32_t k = 0; k < 4; k++) acc[k] = mn_rd_i32_aligned(bias + 4u * (u + k));
            const mn_dot_runs_t runs = {x, w + u * in, 0, 0, in, in, 1};
            mn_dot4(&runs, zx, acc);
            for (uint32_t k = 0; k < 4; k++) {
                const uint8_t *rk = rq + 8u * (u + k);
                y[u + k] = mn_requant_fast(acc[k], mn_rd_i32_aligned(rk), mn_rd_i32_aligned(rk + 4), zy, op->act_min, op->act_max);
            }
        }
        for (; u < units; u++) {
            int32_t acc = mn_rd_i32_aligned(bias + 4u * u) + mn_dot1(x, w + u * in, in, zx);
            y[u] = mn_requant_fast(acc, mn_rd_i32_aligned(rq + 8u * u), mn_rd_i32_aligned(rq + 8u * u + 4u), zy, op->act_min, op->act_max);
        }
    }
}
