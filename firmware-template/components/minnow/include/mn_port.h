/*
 * The port layer: the only functions the interpreter needs from the platform it runs on.
 * One implementation per platform lives in port/: host (POSIX), ESP-IDF and bare-metal RV32.
 */
#ifndef MN_PORT_H
#define MN_PORT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A free-running counter that wraps at 2^32. Deltas of consecutive reads measure time in the platform's
 * unit: CPU cycles on ESP-IDF, retired instructions on RV32 under QEMU, nanoseconds on the host. */
uint32_t mn_port_cycles(void);

/* The unit mn_port_cycles counts, for reports: "cycles", "instructions" or "ns". */
const char *mn_port_cycle_unit(void);

/* Called between the steps of long work (between ops of a run, between tokens of a generation). A port whose
 * platform has a scheduler or watchdog lets it run here, deciding itself how often that is due; others do
 * nothing. The interpreter's results never depend on it. */
void mn_port_yield(void);

/* One line of diagnostics (no trailing newline needed). Never used on the protocol channel. */
void mn_port_log(const char *line);

#ifdef __cplusplus
}
#endif

#endif
