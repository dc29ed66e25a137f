/* Softmax (opcode 11), F-62: exp via two 16-entry tables, exact integer normalization per row. */
#include "../mn_ops.h"

mn_status_t mn_softmax_shape(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    if (!mn_same_shape(&op->in[0], &op->out) || !mn_is_shape(&op->k[0], 2, 2, 16, 0, 0)) return MN_E_BLOB_OP_SHAPE;
    return MN_OK;
}

/* e_j of F-62 for d = mx − x, with d taken modulo 256. d is 0 … 255 whenever F-45 holds; a blob whose output
 * partly overlaps its input (readers do not check F-45) gets wrong values from the second pass, which
 * re-reads x, but never a read outside the tables. */
static uint64_t exp_term(const uint8_t *t, int32_t mx, int8_t x) {
    const uint32_t d = (uint32_t)(mx - x) & 255u;
    return (uint64_t)mn_rd16(t + 2u * (d >> 4)) * mn_rd16(t + 32u + 2u * (d & 15u));
}

void mn_softmax_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena) {
    const uint8_t *t = blob + op->k[0].offset;
    const int8_t *x = (const int8_t *)(arena + op->in[0].offset);
    int8_t *y = (int8_t *)(arena + op->out.offset);
    const uint32_t n = op->out.dim[op->out.rank - 1u], rows = op->out.count / n;
    for (uint32_t r = 0; r < rows; r++) {
        const int8_t *xr = x + r * n;
        int8_t *yr = y + r * n;
        int32_t mx = -128;
        for (uint32_t j = 0; j < n; j++) {
            if (xr[j] > mx) mx = xr[j];
        }
        uint64_t sum = 0;
        for (uint32_t j = 0; j < n; j++) sum += exp_term(t, mx, xr[j]);
        /* The row's max and sum are known before the first write, so the op may run in place (F-45).
         * A sum of 0 needs all-zero tables, which no writer produces; it must not divide by zero. */
        for (uint32_t j = 0; j < n; j++) {
            uint64_t q = sum == 0 ? 0 : (512u * exp_term(t, mx, xr[j]) + sum) / (2u * sum);
            int64_t v = (int64_t)q - 128;
            yr[j] = (int8_t)(v > 127 ? 127 : v);
        }
    }
}
