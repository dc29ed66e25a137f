/*
 * When a port with a scheduler lets other tasks run from mn_port_yield (mn_port.h): at most once per period,
 * on a free-running tick count that wraps at 2^32. Pure, so the host tests the same logic the ESP-IDF port
 * runs (host/tests/test_yield_schedule.c).
 */
#ifndef MN_YIELD_SCHEDULE_H
#define MN_YIELD_SCHEDULE_H

#include <stdint.h>

typedef struct {
    uint32_t last; /* tick of the last yield, or of the first call */
    int started;
} mn_yield_clock_t;

/* Returns 1 when at least `period` ticks (at least 1) have passed since the last yield, and then counts
 * from now; 0 otherwise. The first call only starts the clock. Differences are taken modulo 2^32, so the
 * count may wrap. */
static inline int mn_yield_due(mn_yield_clock_t *clock, uint32_t now, uint32_t period) {
    if (!clock->started) {
        clock->started = 1;
        clock->last = now;
        return 0;
    }
    if (now - clock->last < (period > 0u ? period : 1u)) return 0;
    clock->last = now;
    return 1;
}

#endif
