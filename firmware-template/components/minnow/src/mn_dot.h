/* Int8 dot products for the optimized kernels: Σ (x[i] − zx)·w[i], for one or four weight rows at once.
 * Four rows share every input load and subtraction, which brings RV32 below 4 instructions per MAC. */
#ifndef MN_DOT_H
#define MN_DOT_H

#include <stdint.h>

#include "mn_internal.h"

/* `rows` runs of n contiguous inputs: run j starts at x + j·x_step and meets the weights at w + j·w_step;
 * the four weight rows are `stride` bytes apart. A Dense row is one run; a convolution window is one run
 * per kernel row. */
typedef struct {
    const int8_t *x;
    const int8_t *w;
    uint32_t x_step, w_step, stride, n, rows;
} mn_dot_runs_t;

/* acc[k] += Σ_runs Σ_{i<n} (x[i] − zx)·w[k·stride + i] for k < 4. */
void mn_dot4(const mn_dot_runs_t *runs, int32_t zx, int32_t acc[4]);

/* As mn_dot4 for two inputs at once, the second x_gap bytes after the first (two neighbouring output
 * pixels of a convolution): acc[k] for the first, acc[4 + k] for the second. Each weight load serves two
 * MACs. */
void mn_dot4x2(const mn_dot_runs_t *runs, uint32_t x_gap, int32_t zx, int32_t acc[8]);

/* Σ_{i<n} (x[i] − zx)·w[i]. */
int32_t mn_dot1(const int8_t *x, const int8_t *w, uint32_t n, int32_t zx);

/* `rows` rows of n weights of a tensor of type `type` (F-30, INT8, INT4 or TERNARY) at w, row i starting at
 * element first + i·stride (stride ≥ n: a row may be a slice of a longer one), against the n inputs x (zero
 * point zx). */
typedef struct {
    const uint8_t *w;
    uint8_t type;
    uint32_t first, n, rows, stride;
    const int8_t *x;
    int32_t zx;
} mn_rows_t;

/* Receives the dot product of row i. */
typedef void (*mn_row_fn)(void *ctx, uint32_t i, int32_t dot);

/* Calls done(ctx, i, Σ_{k<n} (x[k] − zx)·w(first + i·stride + k)) once for every row i, in an order of its choosing,
 * for every layout (ops/weight-rows-fast.c). */
void mn_weight_rows(const mn_rows_t *p, mn_row_fn done, void *ctx);

#endif
