/* Dense (opcode 1), docs/FORMAT.md F-53: X [rows, I] · W [U, I]ᵀ + B, requantized per output unit. */
#include "../mn_ops.h"
#include "../mn_requant.h"
#include "../mn_weights.h"

mn_status_t mn_dense_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const mn_tensor_t *x = &op->in[0], *y = &op->out, *w = &op->k[0];
    const uint32_t units = w->dim[0], depth = w->dim[1];
    if (x->dim[x->rank - 1u] != depth || y->dim[y->rank - 1u] != units || x->count / depth != y->count / units ||
        !mn_is_shape(&op->k[1], 1, units, 0, 0, 0) || !mn_is_shape(&op->k[2], 2, units, 2, 0, 0)) {
        return MN_E_BLOB_OP_SHAPE;
    }
    return MN_OK;
}

void mn_dense_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *xt = &op->in[0], *yt = &op->out;
    const uint32_t in = xt->dim[xt->rank - 1u], units = yt->dim[yt->rank - 1u], rows = xt->count / in;
    const int8_t *x = (const int8_t *)(arena + xt->offset);
    int8_t *y = (int8_t *)(arena + yt->offset);
    const uint8_t *w = blob + op->k[0].offset, wtype = op->k[0].type;
    const uint8_t *bias = blob + op->k[1].offset, *rq = blob + op->k[2].offset;
    const int32_t zx = xt->zero_point;
    for (uint32_t r = 0; r < rows; r++) {
        for (uint32_t u = 0; u < units; u++) {
            int32_t acc = mn_rd_i32(bias + 4u * u);
            acc += mn_dot_weights(x + r * in, zx, w, wtype, u * in, in);
            y[r * units + u] = mn_requant(acc, mn_rd_i32(rq + 8u * u), mn_rd_i32(rq + 8u * u + 4u), yt->zero_point,
                                          op->act_min, op->act_max);
        }
    }
}
