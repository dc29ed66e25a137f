#include "mn_ops.h"

#include "mn_fast.h"

/* The optimized kernels replace the naive ones unless MN_NAIVE_KERNELS is defined; both produce the same
 * bytes (host parity runs both builds). */
#ifdef MN_NAIVE_KERNELS
#define MN_FAST(name) mn_##name##_run
#else
#define MN_FAST(name) mn_##name##_run_fast
#endif

#define I8 MN_T_INT8
#define I32 MN_T_INT32
#define U16 MN_T_UINT16
#define WQ MN_T_WEIGHTS
/* Weights, bias and requantization, with the weights of rank r. */
#define WBR(r) 3, 0, {WQ, I32, I32}, {r, 1, 2}
/* Input weights, recurrent weights, bias and the [3U, 4] requantization. */
#define GRU_CONSTS 4, 0, {WQ, WQ, I32, I32}, {2, 2, 1, 2}
#define REQUANT 1, 0, {I32, 0, 0}, {2, 0, 0}
#define NONE 0, 0, {0, 0, 0}, {0, 0, 0}
#define I16 MN_T_INT16
/* Window, twiddles, mel ranges, mel weights (F-76). */
#define SPECTROGRAM_CONSTS 4, 0, {U16, I16, U16, U16}, {1, 2, 2, 1}
#define TABLE(type, rank) 1, 0, {type, 0, 0}, {rank, 0, 0}
/* The table [V, D], then R [D, 2] when attr[0] says the table has per-column scales (F-67). */
#define EMBEDDING_CONSTS 2, mn_embedding_consts, {WQ, I32, 0}, {2, 2, 0}
#define OP(label, lo, hi, rin, rout, consts, abytes, attr, fn, values, run) \
    {label, lo, hi, rin, rout, consts, abytes, attr, mn_##fn##_shape, values, run}

static const mn_opdef_t k_ops[] = {
    {0, 0, 0, 0, 0, NONE, 0, 0, 0, 0, 0},
    OP("Dense", 1, 1, 0, 0, WBR(2), 0, 0, dense, mn_check_full_range, MN_FAST(dense)),
    OP("Conv2D", 1, 1, 3, 3, WBR(4), 4, mn_conv2d_attr, conv2d, mn_check_full_range, MN_FAST(conv2d)),
    OP("DepthwiseConv2D", 1, 1, 3, 3, WBR(3), 5, mn_depthwise_conv2d_attr, depthwise_conv2d, mn_check_full_range,
       MN_FAST(depthwise_conv2d)),
    OP("Conv1D", 1, 1, 2, 2, WBR(3), 2, mn_conv1d_attr, conv1d, mn_check_full_range, MN_FAST(conv1d)),
    OP("MaxPooling2D", 1, 1, 3, 3, NONE, 6, mn_pooling2d_attr, pooling2d, 0, mn_max_pooling2d_run),
    OP("AveragePooling2D", 1, 1, 3, 3, NONE, 6, mn_pooling2d_attr, pooling2d, 0, mn_average_pooling2d_run),
    OP("MaxPooling1D", 1, 1, 2, 2, NONE, 3, mn_max_pooling1d_attr, max_pooling1d, 0, mn_max_pooling1d_run),
    OP("GlobalAveragePooling2D", 1, 1, 3, 1, NONE, 0, 0, global_average_pooling2d, 0,
       mn_global_average_pooling2d_run),
    OP("Add", 2, MN_MAX_INPUTS, 0, 0, REQUANT, 0, 0, add, mn_check_full_range, mn_add_run),
    OP("Concatenate", 2, MN_MAX_INPUTS, 0, 0, REQUANT, 1, mn_concatenate_attr, concatenate, mn_check_full_range,
       mn_concatenate_run),
    OP("Softmax", 1, 1, 0, 0, TABLE(U16, 2), 0, mn_clamp_full_attr, softmax, 0, mn_softmax_run),
    OP("Activation", 1, 1, 0, 0, TABLE(I8, 1), 0, mn_clamp_full_attr, activation, 0, mn_activation_run),
    OP("BatchNormalization", 1, 1, 0, 0, WBR(1), 0, 0, batch_normalization, mn_check_full_range,
       mn_batch_normalization_run),
    OP("Embedding", 1, 1, 1, 2, EMBEDDING_CONSTS, 1, mn_embedding_attr, embedding, mn_embedding_values,
       MN_FAST(embedding)),
    OP("GRU", 2, 2, 2, 0, GRU_CONSTS, 2, mn_gru_attr, gru, mn_gru_values, MN_FAST(gru)),
    OP("Spectrogram", 2, 2, 1, 2, SPECTROGRAM_CONSTS, 2, mn_spectrogram_attr, spectrogram, mn_spectrogram_values,
       MN_FAST(spectrogram)),
};

const mn_opdef_t *mn_opdef(uint8_t opcode) {
    if (opcode == 0 || opcode >= sizeof k_ops / sizeof k_ops[0]) return 0;
    return &k_ops[opcode];
}

uint8_t mn_const_count(const mn_opdef_t *def, const uint8_t *entry) {
    return def->const_count != 0 ? def->const_count(entry) : def->n_const;
}

int mn_same_shape(const mn_tensor_t *a, const mn_tensor_t *b) {
    if (a->rank != b->rank) return 0;
    for (unsigned i = 0; i < 4; i++) {
        if (a->dim[i] != b->dim[i]) return 0;
    }
    return 1;
}

int mn_is_shape(const mn_tensor_t *t, uint32_t rank, uint32_t d0, uint32_t d1, uint32_t d2, uint32_t d3) {
    const uint32_t want[4] = {d0, d1, d2, d3};
    if (t->rank != rank) return 0;
    for (uint32_t i = 0; i < rank; i++) {
        if (t->dim[i] != want[i]) return 0;
    }
    return 1;
}

int mn_axis_attr_ok(uint32_t window, uint32_t stride, uint32_t pad) { return stride >= 1 && window >= 1 && pad < window; }

int mn_axis_shape_ok(uint32_t size, uint32_t stride, uint32_t pad, uint32_t out) {
    /* (out − 1)·stride − pad ≤ size − 1, exact in 64 bits (every term is below 2^16). */
    return (int64_t)(out - 1u) * stride - pad <= (int64_t)size - 1;
}

mn_status_t mn_clamp_full_attr(const mn_op_t *op, const uint8_t *blob) {
    (void)blob;
    return op->act_min == -128 && op->act_max == 127 ? MN_OK : MN_E_BLOB_OP_ATTRIBUTES;
}

mn_status_t mn_check_requant(const uint8_t *blob, const mn_tensor_t *r, const mn_tensor_t *bias, uint32_t K) {
    const uint8_t *rp = blob + r->offset;
    for (uint32_t c = 0; c < r->dim[0]; c++) {
        int32_t m = mn_rd_i32(rp + 8u * c);
        int32_t shift = mn_rd_i32(rp + 8u * c + 4u);
        if (m < 0 || shift < -31 || shift > 30) return MN_E_BLOB_CONSTANT_RANGE;
    }
    if (bias == 0) return MN_OK;
    const int64_t limit = (int64_t)INT32_MAX - (int64_t)32640 * K;
    const uint8_t *bp = blob + bias->offset;
    for (uint32_t c = 0; c < bias->count; c++) {
        int64_t b = mn_rd_i32(bp + 4u * c);
        if (b > limit || -b > limit) return MN_E_BLOB_CONSTANT_RANGE;
    }
    return MN_OK;
}

/* The dot-product length K of one output value (F-44) for ops with weights. */
static uint32_t reduce_length(const mn_op_t *op) {
    const mn_tensor_t *w = &op->k[0];
    switch (op->opcode) {
        case 1: return w->dim[1];                          /* Dense W [U, I] */
        case 2: return w->dim[1] * w->dim[2] * w->dim[3];  /* Conv2D W [F, kh, kw, C] */
        case 3: return w->dim[0] * w->dim[1];              /* DepthwiseConv2D W [kh, kw, C·M] */
        case 4: return w->dim[1] * w->dim[2];              /* Conv1D W [F, k, C] */
        default: return 1;                                 /* BatchNormalization */
    }
}

mn_status_t mn_check_full_range(const mn_op_t *op, const uint8_t *blob) {
    if (op->n_const == 1) return mn_check_requant(blob, &op->k[0], 0, 0);
    return mn_check_requant(blob, &op->k[2], &op->k[1], reduce_length(op));
}
