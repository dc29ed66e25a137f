/* The checks mn_model_open runs, in docs/FORMAT.md §8 order. */
#ifndef MN_VALIDATE_H
#define MN_VALIDATE_H

#include "mn_internal.h"

typedef struct {
    uint32_t total_size;
    uint32_t data_start;
    uint32_t arena_size;
} mn_blob_bounds_t;

/* F-30 … F-34 for one tensor table entry. */
mn_status_t mn_tensor_check(const uint8_t *entry, const mn_blob_bounds_t *bounds);

/* F-40 … F-47 for op i; the tensor table is already valid. */
mn_status_t mn_op_check(const mn_model_t *model, uint32_t i);

#endif
