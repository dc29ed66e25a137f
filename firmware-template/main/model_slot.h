/* The model partition mapped into the address space, the blob validated, the planned arena allocated. */
#ifndef MODEL_SLOT_H
#define MODEL_SLOT_H

#include <stddef.h>
#include <stdint.h>

#include "minnow.h"

typedef struct {
    uint32_t partition_bytes; /* 0 when the partition table has no "model" partition */
    mn_model_t model;
    int model_valid;
    mn_status_t status; /* MN_OK when model and arena are ready, else why not */
    uint8_t *arena;
    size_t arena_len;
} model_slot_t;

void model_slot_load(model_slot_t *slot);

#endif
