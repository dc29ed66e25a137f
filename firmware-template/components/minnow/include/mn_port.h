/*
 * The port layer: the only functions the interpreter needs from the platform it runs on.
 * One implementation per platform lives in port/: host (POSIX), ESP-IDF and bare-metal RV32.
 */
#ifndef MN_PORT_H
#define MN_PORT_H

#include <stddef.h>
#include <stdint.h>

#include "mn_status.h"

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

/* The sensor bus (docs/SENSORS.md S-10): an I2C master with 7-bit addresses. Each returns MN_OK,
 * MN_E_SENSOR_MISSING when no device acknowledged the address, MN_E_SENSOR_UNAVAILABLE when this firmware has
 * no I2C driver (or cannot use these pins), or MN_E_SENSOR_IO for any other bus failure. */

/* Starts (or restarts on other pins) the bus on two GPIOs at `hz` (at most 400 kHz), internal pull-ups on. */
mn_status_t mn_port_i2c_open(uint8_t sda_gpio, uint8_t scl_gpio, uint32_t hz);
/* One write transaction: the bytes (a register address, then values) to the device at `address`. */
mn_status_t mn_port_i2c_write(uint8_t address, const uint8_t *bytes, size_t len);
/* Writes the register address `reg`, then reads `len` bytes in the same transaction (a repeated start). */
mn_status_t mn_port_i2c_read(uint8_t address, uint8_t reg, uint8_t *bytes, size_t len);

#ifdef __cplusplus
}
#endif

#endif
