/* Shared by the tests of the optimized kernels (mn_fast.h): seeded draws and a byte-for-byte comparison of
 * an optimized kernel with the naive one on the same op. */
#ifndef FAST_CHECK_H
#define FAST_CHECK_H

#include <stdint.h>

#include "mn_ops.h"

void fc_seed(uint32_t seed);
/* Uniform in [lo, hi]. */
int32_t fc_draw(int32_t lo, int32_t hi);
/* -128 or 127 one time in one_in, else fc_draw(lo, hi). */
int8_t fc_extreme_or(int32_t lo, int32_t hi, int32_t one_in);

/* Opens the blob, fills every input of its first op with drawn bytes and runs that op with both kernels, each
 * on its own copy of the arena whose output bytes start different (a byte either kernel leaves unwritten
 * shows). Returns 1 when the arenas end equal, 0 when not, -1 when the blob does not open. */
int fc_same_bytes(const uint8_t *blob, uint32_t len, mn_run_fn naive, mn_run_fn fast);

/* fc_same_bytes on `cases` ops, each drawn by make() into blob (which returns its length). Returns how many
 * did not open or came out different: 0 when the kernels agree on every one. */
int fc_cases_differing(const uint8_t *blob, int cases, uint32_t (*make)(void), mn_run_fn naive, mn_run_fn fast);

#endif
