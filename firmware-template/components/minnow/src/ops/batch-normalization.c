/* BatchNormalization not folded into a producer (opcode 13), F-64: a per-channel affine map. */
#include "../mn_ops.h"
#include "../mn_requant.h"

mn_status_t mn_batch_normalization_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const mn_tensor_t *y = &op->out;
    uint32_t c = y->dim[y->rank - 1u];
    if (!mn_same_shape(&op->in[0], y) || !mn_is_shape(&op->k[0], 1, c, 0, 0, 0) ||
        !mn_is_shape(&op->k[1], 1, c, 0, 0, 0) || !mn_is_shape(&op->k[2], 2, c, 2, 0, 0)) {
        return MN_E_BLOB_OP_SHAPE;
    }
    return MN_OK;
}

void mn_batch_normalization_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const mn_tensor_t *yt = &op->out;
    const uint32_t C = yt->dim[yt->rank - 1u];
    const int8_t *w = (const int8_t *)(blob + op->k[0].offset);
    const uint8_t *bias = blob + op->k[1].offset, *rq = blob + op->k[2].offset;
    const int8_t *x = (const int8_t *)(arena + op->in[0].offset);
    int8_t *y = (int8_t *)(arena + yt->offset);
    const int32_t zx = op->in[0].zero_point;
    for (uint32_t i = 0; i < yt->count; i++) {
        uint32_t c = i % C;
        int32_t acc = mn_rd_i32(bias + 4u * c) + (x[i] - zx) * w[c];
        y[i] = mn_requant(acc, mn_rd_i32(rq + 8u * c), mn_rd_i32(rq + 8u * c + 4u), yt->zero_point, op->act_min,
                          op->act_max);
    }
}
