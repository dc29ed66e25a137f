/* Host port: a monotonic clock stands in for the cycle counter; logs go to stderr so stdout stays the
 * protocol channel of the virtual board. */
#define _POSIX_C_SOURCE 199309L
#include "mn_port.h"

#include <stdio.h>
#include <time.h>

uint32_t mn_port_cycles(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint32_t)((uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec);
}

const char *mn_port_cycle_unit(void) { return "ns"; }

void mn_port_log(const char *line) { fprintf(stderr, "%s\n", line); }

void mn_port_yield(void) {}
