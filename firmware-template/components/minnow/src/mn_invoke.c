/* Running an opened model (docs/FORMAT.md F-66): copy in, ops in table order, copy out. */
#include <string.h>

#include "mn_ops.h"
#include "mn_port.h"

static void tensor_at(const mn_model_t *m, uint32_t id, mn_tensor_t *t) {
    mn_tensor_decode(m->tensors + MN_ENTRY_SIZE * id, t);
}

int8_t *mn_input_slot(const mn_model_t *m, uint8_t *arena) {
    mn_tensor_t t;
    tensor_at(m, m->input_tensor, &t);
    return (int8_t *)(arena + t.offset);
}

const int8_t *mn_output_slot(const mn_model_t *m, const uint8_t *arena) {
    mn_tensor_t t;
    tensor_at(m, m->output_tensor, &t);
    return (const int8_t *)(arena + t.offset);
}

void mn_reset_state(const mn_model_t *m, uint8_t *arena) {
    mn_op_t op;
    for (uint32_t i = 0; i < m->step_count; i++) {
        mn_op_decode(m, i, &op);
        if (op.opcode == 15) memset(arena + op.in[1].offset, 0, op.in[1].bytes);
    }
}

/* Big enough for the plan, and at an address that is a multiple of 4: the plan's buffers start at 16-aligned
 * offsets (F-15) and the kernels load word scratch (F-76) as words. */
static mn_status_t check_arena(const mn_model_t *m, const uint8_t *arena, size_t arena_len) {
    if (arena == 0 || arena_len < m->arena_bytes) return MN_E_ARENA_TOO_SMALL;
    return mn_aligned4(arena) ? MN_OK : MN_E_MISALIGNED;
}

static void touch(uint32_t *high, const mn_tensor_t *t) {
    if (t->offset + t->bytes > *high) *high = t->offset + t->bytes;
}

mn_status_t mn_invoke(const mn_model_t *m, uint8_t *arena, size_t arena_len, const int8_t *input, int8_t *output,
                      mn_stats_t *stats) {
    const mn_status_t arena_status = check_arena(m, arena, arena_len);
    if (arena_status != MN_OK) return arena_status;
    mn_tensor_t in, out;
    tensor_at(m, m->input_tensor, &in);
    tensor_at(m, m->output_tensor, &out);
    uint32_t high = 0;
    touch(&high, &in);
    touch(&high, &out);
    if (input != 0) memmove(arena + in.offset, input, in.bytes);
    uint64_t total = 0;
    mn_op_t op;
    for (uint32_t i = 0; i < m->step_count; i++) {
        mn_op_decode(m, i, &op);
        for (uint32_t j = 0; j < op.n_in; j++) touch(&high, &op.in[j]);
        touch(&high, &op.out);
        const uint32_t start = mn_port_cycles();
        mn_opdef(op.opcode)->run(&op, m->blob, arena);
        const uint32_t spent = mn_port_cycles() - start;
        total += spent;
        if (stats != 0 && stats->step_cycles != 0 && i < stats->step_cycles_cap) stats->step_cycles[i] = spent;
        mn_port_yield(); /* outside the measured span: a step's cycles never include the yield */
    }
    if (output != 0) memmove(output, arena + out.offset, out.bytes);
    if (stats != 0) {
        stats->cycles = total;
        stats->arena_used = high;
    }
    return MN_OK;
}

mn_status_t mn_selftest(const mn_model_t *m, uint8_t *arena, size_t arena_len, mn_selftest_t *result,
                        mn_stats_t *stats) {
    if (m->test_input == 0) return MN_E_NO_TEST_VECTOR;
    const mn_status_t arena_status = check_arena(m, arena, arena_len);
    if (arena_status != MN_OK) return arena_status;
    mn_reset_state(m, arena);
    mn_status_t s = mn_invoke(m, arena, arena_len, m->test_input, 0, stats);
    if (s != MN_OK) return s;
    mn_tensor_t out;
    tensor_at(m, m->output_tensor, &out);
    const int8_t *y = mn_output_slot(m, arena);
    result->mismatches = 0;
    result->first_mismatch = 0xFFFFFFFFu;
    for (uint32_t i = 0; i < out.bytes; i++) {
        if (y[i] == m->test_output[i]) continue;
        if (result->mismatches++ == 0) result->first_mismatch = i;
    }
    result->pass = result->mismatches == 0;
    return MN_OK;
}
