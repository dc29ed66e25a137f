/* GlobalAveragePooling2D (opcode 8), F-59: the rounded mean of each channel over all H·Wd positions. */
#include "../mn_ops.h"

mn_status_t mn_global_average_pooling2d_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    const mn_tensor_t *x = &op->in[0];
    if (op->out.dim[0] != x->dim[2] || (uint64_t)x->dim[0] * x->dim[1] > MN_MAX_REDUCE) return MN_E_BLOB_OP_SHAPE;
    return MN_OK;
}

void mn_global_average_pooling2d_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    (void)blob;
    const int32_t n = (int32_t)(op->in[0].dim[0] * op->in[0].dim[1]), C = (int32_t)op->in[0].dim[2];
    const int8_t *x = (const int8_t *)(arena + op->in[0].offset);
    int8_t *y = (int8_t *)(arena + op->out.offset);
    for (int32_t c = 0; c < C; c++) {
        int32_t sum = 0;
        for (int32_t i = 0; i < n; i++) sum += x[i * C + c];
        int32_t v = sum >= 0 ? (sum + n / 2) / n : (sum - n / 2) / n;
        y[c] = (int8_t)(v < op->act_min ? op->act_min : v > op->act_max ? op->act_max : v);
    }
}
