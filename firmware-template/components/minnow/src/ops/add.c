/* Add (opcode 9), F-60: 2-16 inputs, each rescaled to a common 2^20-scaled grid, summed exactly,
 * saturated to int32, then requantized. R holds one row per input, then the output's. */
#include "../mn_ops.h"
#include "../mn_requant.h"

mn_status_t mn_add_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    for (uint32_t j = 0; j < op->n_in; j++) {
        if (!mn_same_shape(&op->in[j], &op->out)) return MN_E_BLOB_OP_SHAPE;
    }
    return mn_is_shape(&op->k[0], 2, op->n_in + 1u, 2, 0, 0) ? MN_OK : MN_E_BLOB_OP_SHAPE;
}

void mn_add_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const uint8_t *rq = blob + op->k[0].offset;
    const uint32_t n = op->n_in;
    const int32_t mo = mn_rd_i32(rq + 8u * n), so = mn_rd_i32(rq + 8u * n + 4u);
    int8_t *y = (int8_t *)(arena + op->out.offset);
    for (uint32_t i = 0; i < op->out.count; i++) {
        /* Every input is read before y[i] is written, so the output may replace an input (F-45). */
        int64_t sum = 0;
        for (uint32_t j = 0; j < n; j++) {
            const int8_t *x = (const int8_t *)(arena + op->in[j].offset);
            sum += mn_mbqm((x[i] - op->in[j].zero_point) * (1 << 20), mn_rd_i32(rq + 8u * j), mn_rd_i32(rq + 8u * j + 4u));
        }
        if (sum > INT32_MAX) sum = INT32_MAX;
        if (sum < INT32_MIN) sum = INT32_MIN;
        y[i] = mn_requant((int32_t)sum, mo, so, op->out.zero_point, op->act_min, op->act_max);
    }
}
