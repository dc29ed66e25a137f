/* The op table: for each opcode its operand counts and types, its checks and its kernel. */
#ifndef MN_OPS_H
#define MN_OPS_H

#include "mn_internal.h"

typedef mn_status_t (*mn_check_fn)(const mn_op_t *op, const uint8_t *blob);
typedef void (*mn_run_fn)(const mn_op_t *op, const uint8_t *blob, uint8_t *arena);
/* The number of constants an op entry uses, for ops whose attributes decide it. */
typedef uint8_t (*mn_count_fn)(const uint8_t *entry);

/* A constant slot that holds weights also accepts the declared packings (F-30), refused later with 317. */
#define MN_T_WEIGHTS 0xFFu

typedef struct {
    const char *name;
    uint8_t n_in_min;
    uint8_t n_in_max;
    uint8_t in_rank;  /* required rank of every input, 0 for any */
    uint8_t out_rank; /* required rank of the output, 0 for any */
    uint8_t n_const;          /* constant slots; an entry uses all of them unless const_count says fewer */
    mn_count_fn const_count;  /* NULL when every entry uses n_const */
    uint8_t const_type[MN_MAX_CONSTS];
    uint8_t const_rank[MN_MAX_CONSTS];
    uint8_t attr_bytes;       /* attribute bytes the op uses; the others must be 0 */
    mn_check_fn check_attr;   /* BLOB_OP_ATTRIBUTES beyond the generic rules; NULL when none */
    mn_check_fn check_shape;  /* BLOB_OP_SHAPE */
    mn_check_fn check_values; /* BLOB_CONSTANT_RANGE; NULL when the op has no ranged constants */
    mn_run_fn run;
} mn_opdef_t;

/* The definition of an opcode, or NULL for unknown and reserved codes. */
const mn_opdef_t *mn_opdef(uint8_t opcode);

/* The constants op entry `entry` of opcode definition `def` uses. */
uint8_t mn_const_count(const mn_opdef_t *def, const uint8_t *entry);

/* Shared checks. */
int mn_same_shape(const mn_tensor_t *a, const mn_tensor_t *b);
int mn_is_shape(const mn_tensor_t *t, uint32_t rank, uint32_t d0, uint32_t d1, uint32_t d2, uint32_t d3);
/* F-46 attribute rule along one axis: stride and window at least 1, padding smaller than the window. */
int mn_axis_attr_ok(uint32_t window, uint32_t stride, uint32_t pad);
/* F-46 shape rule along one axis: every one of `out` windows overlaps the input of length `size`. */
int mn_axis_shape_ok(uint32_t size, uint32_t stride, uint32_t pad, uint32_t out);
/* F-43 for R [n, 2] and, when bias is given, B [n] with dot products of length K. */
mn_status_t mn_check_requant(const uint8_t *blob, const mn_tensor_t *r, const mn_tensor_t *bias, uint32_t K);
mn_status_t mn_check_full_range(const mn_op_t *op, const uint8_t *blob);
/* Softmax and the lookup Activation produce the whole int8 range (F-42). */
mn_status_t mn_clamp_full_attr(const mn_op_t *op, const uint8_t *blob);

#define MN_DECLARE_OP(name)                                                   \
    mn_status_t mn_##name##_shape(const mn_op_t *op, const uint8_t *blob);     \
    mn_status_t mn_##name##_attr(const mn_op_t *op, const uint8_t *blob);      \
    void mn_##name##_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena)

MN_DECLARE_OP(dense);
MN_DECLARE_OP(conv2d);
MN_DECLARE_OP(conv1d);
MN_DECLARE_OP(depthwise_conv2d);
MN_DECLARE_OP(pooling2d);
MN_DECLARE_OP(max_pooling1d);
void mn_max_pooling2d_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena);
void mn_average_pooling2d_run(const mn_op_t *op, const uint8_t *blob, uint8_t *arena);
MN_DECLARE_OP(global_average_pooling2d);
MN_DECLARE_OP(add);
MN_DECLARE_OP(concatenate);
MN_DECLARE_OP(softmax);
MN_DECLARE_OP(activation);
MN_DECLARE_OP(batch_normalization);
MN_DECLARE_OP(embedding);
uint8_t mn_embedding_consts(const uint8_t *entry);
mn_status_t mn_embedding_values(const mn_op_t *op, const uint8_t *blob);
MN_DECLARE_OP(gru);
mn_status_t mn_gru_values(const mn_op_t *op, const uint8_t *blob);
MN_DECLARE_OP(spectrogram);
mn_status_t mn_spectrogram_values(const mn_op_t *op, const uint8_t *blob);
/* Shared by the naive and the fast Spectrogram: the frame step, log2q, and the mel sums and log of one frame
 * from its magnitudes (int32, bins 0 … n/2, in the scratch buffer) and block exponent k (F-76). */
uint32_t mn_spectrogram_step(const mn_op_t *op);
int32_t mn_spectrogram_log2q(uint64_t v);
void mn_spectrogram_mel(const mn_op_t *op, const uint8_t *blob, const uint8_t *mag, int32_t k, int8_t *y);

#endif
