/*
 * Minnow: a portable C99 interpreter for the model blobs of docs/FORMAT.md.
 * No heap, no VLAs, no recursion: the caller owns every buffer, weights are read in place from the blob.
 */
#ifndef MINNOW_H
#define MINNOW_H

#include <stddef.h>
#include <stdint.h>

#include "mn_status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MN_VERSION_MAJOR 0
#define MN_VERSION_MINOR 1
#define MN_VERSION_PATCH 0
/* The blob format versions (docs/FORMAT.md) this interpreter reads. */
#define MN_BLOB_VERSION_MIN 1
#define MN_BLOB_VERSION_MAX 1

/* A validated view of a blob. Fields are private: read them through the functions below. */
typedef struct {
    const uint8_t *blob;
    uint32_t blob_bytes;
    uint32_t crc;
    uint16_t version;
    uint32_t arena_bytes;
    uint32_t tensor_count;
    uint32_t step_count;
    const uint8_t *tensors;
    const uint8_t *steps;
    uint32_t input_tensor;
    uint32_t output_tensor;
    const char *name;
    uint32_t name_len;
    const int8_t *test_input;
    const int8_t *test_output;
} mn_model_t;

typedef struct {
    uint16_t version;
    uint32_t blob_bytes;
    uint32_t crc;
    uint32_t arena_bytes;
    uint32_t input_bytes;
    uint32_t output_bytes;
    uint32_t steps;
    const char *name; /* not NUL-terminated */
    uint32_t name_len;
    int has_test_vector;
} mn_model_info_t;

/* What one invocation cost. step_cycles (optional, capacity step_cycles_cap) receives each step's
 * mn_port_cycles delta; arena_used is the highest arena byte offset the run touched, plus one. */
typedef struct {
    uint64_t cycles;
    uint32_t arena_used;
    uint32_t *step_cycles;
    uint32_t step_cycles_cap;
} mn_stats_t;

typedef struct {
    int pass;
    uint32_t mismatches;
    uint32_t first_mismatch; /* 0xFFFFFFFF when none */
} mn_selftest_t;

/* The blob format versions this build reads. */
uint16_t mn_blob_version_min(void);
uint16_t mn_blob_version_max(void);

/* Validates every header field, CRC, offset, size, count, op code and shape of the blob before anything
 * else reads it. On success model refers into blob, which must outlive it. The blob's address must be a
 * multiple of 4 (docs/FORMAT.md F-3 maps it 16-aligned; else MN_E_MISALIGNED). */
mn_status_t mn_model_open(const uint8_t *blob, size_t len, mn_model_t *model);

void mn_model_describe(const mn_model_t *model, mn_model_info_t *info);

/* Runs the model. input may be NULL when the input was written in place (mn_input_slot); output may be
 * NULL when the caller reads it in place (mn_output_slot). stats may be NULL. The arena holds at least the
 * model's arena_bytes (else MN_E_ARENA_TOO_SMALL) at an address that is a multiple of 4 (else MN_E_MISALIGNED);
 * mn_selftest the same. */
mn_status_t mn_invoke(const mn_model_t *model, uint8_t *arena, size_t arena_len, const int8_t *input,
                      int8_t *output, mn_stats_t *stats);

/* Where the model input and output live inside an arena of at least the planned size. */
int8_t *mn_input_slot(const mn_model_t *model, uint8_t *arena);
const int8_t *mn_output_slot(const mn_model_t *model, const uint8_t *arena);

/* Clears the state of every GRU (docs/FORMAT.md F-69) so that the next run starts a new sequence. */
void mn_reset_state(const mn_model_t *model, uint8_t *arena);

/* Runs the blob's embedded test input from a cleared GRU state, as the writer computed its expected output
 * (F-19, F-69), and compares. A streaming sequence in progress starts over afterwards. */
mn_status_t mn_selftest(const mn_model_t *model, uint8_t *arena, size_t arena_len, mn_selftest_t *result,
                        mn_stats_t *stats);

#ifdef __cplusplus
}
#endif

#endif
