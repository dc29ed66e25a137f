/* Optimized kernels: the same bytes as the naive ones in ops/<op>.c, fewer instructions per MAC. */
#ifndef MN_FAST_H
#define MN_FAST_H

#include "mn_internal.h"

void mn_dense_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena);
void mn_conv2d_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena);
void mn_conv1d_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena);
void mn_depthwise_conv2d_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena);
void mn_embedding_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena);
void mn_gru_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena);
void mn_spectrogram_run_fast(const mn_op_t *op, const uint8_t *blob, uint8_t *arena);

#endif
