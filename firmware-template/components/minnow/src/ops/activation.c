/* Activation by lookup table (opcode 12), F-63: y = T[x + 128]. */
#include "../mn_ops.h"

mn_status_t mn_activation_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    if (!mn_same_shape(&op->in[0], &op->out) || !mn_is_shape(&op->k[0], 1, 256, 0, 0, 0)) return MN_E_BLOB_OP_SHAPE;
    return MN_OK;
}

void mn_activation_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const int8_t *table = (const int8_t *)(blob + op->k[0].offset);
    const int8_t *x = (const int8_t *)(arena + op->in[0].offset);
    int8_t *y = (int8_t *)(arena + op->out.offset);
    for (uint32_t i = 0; i < op->out.count; i++) y[i] = table[x[i] + 128];
}
