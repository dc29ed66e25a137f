/*
 * mn_port for the bare-metal image. The counter is the core's machine performance counter (CSR 0x7E2,
 * mpccr), which ESP-IDF itself reads as the cycle count on the C3 and C6 (rv_utils_get_cycle_count).
 * No scheduler and no watchdog are left running, so yield has nothing to do. Diagnostics go nowhere: the
 * console carries only protocol frames, and a log line in between could split one.
 */
#include "mn_port.h"

uint32_t mn_port_cycles(void) {
    uint32_t n;
    __asm__ volatile(".option push\n.option arch, +zicsr\ncsrr %0, 0x7e2\n.option pop" : "=r"(n));
    return n;
}

const char *mn_port_cycle_unit(void) { return "cycles"; }

void mn_port_yield(void) {}

void mn_port_log(const char *line) { (void)line; }
