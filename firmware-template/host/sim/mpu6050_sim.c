/*
 * The host port's sensor bus: one simulated MPU-6050 at 0x68 (nothing at any other address) whose registers
 * behave as docs/SENSORS.md describes, and whose burst reads from ACCEL_XOUT_H follow a fixed motion, so tests
 * know every value a stream must carry (S-15):
 *
 *   k = reads since PWR_MGMT_1 was last written, tri = the triangle wave 0,1,…,32,31,…,1 of period 64 in k
 *   ax = 128·tri − 2048   ay = 2048 − 64·tri   az = 16384 − 32·tri
 *   gx = 131·(tri − 16)   gy = 655             gz = +10 for odd k, −10 for even k
 *   temperature −3920 (25 °C by the register map's formula)
 *
 * The values are raw counts: the simulation ignores the ranges set.
 */
#include <string.h>

#include "mn_port.h"

#define SIM_ADDRESS 0x68u
#define PWR_MGMT_1 0x6Bu

static uint8_t s_regs[128];
static int s_reset_done;
static uint32_t s_reads;

static void reset(void) {
    memset(s_regs, 0, sizeof s_regs);
    s_regs[PWR_MGMT_1] = 0x40; /* SLEEP at reset */
    s_regs[0x75] = 0x68;       /* WHO_AM_I */
    s_reads = 0;
    s_reset_done = 1;
}

mn_status_t mn_port_i2c_open(uint8_t sda_gpio, uint8_t scl_gpio, uint32_t hz) {
    (void)sda_gpio;
    (void)scl_gpio;
    (void)hz;
    if (!s_reset_done) reset();
    return MN_OK;
}

mn_status_t mn_port_i2c_write(uint8_t address, const uint8_t *bytes, size_t len) {
    if (address != SIM_ADDRESS) return MN_E_SENSOR_MISSING;
    if (len == 0) return MN_OK;
    uint8_t reg = bytes[0];
    for (size_t i = 1; i < len; i++, reg = (uint8_t)(reg + 1u)) s_regs[reg & 0x7Fu] = bytes[i];
    if (bytes[0] == PWR_MGMT_1 && len > 1) {
        if (bytes[1] & 0x80u) reset(); /* DEVICE_RESET */
        s_reads = 0;
    }
    return MN_OK;
}

static void put16(uint8_t *p, int v) {
    p[0] = (uint8_t)(((unsigned)v >> 8) & 0xFFu);
    p[1] = (uint8_t)((unsigned)v & 0xFFu);
}

static void motion(uint8_t regs[128], uint32_t k) {
    int p = (int)(k % 64u), tri = p <= 32 ? p : 64 - p;
    put16(regs + 0x3B, 128 * tri - 2048);
    put16(regs + 0x3D, 2048 - 64 * tri);
    put16(regs + 0x3F, 16384 - 32 * tri);
    put16(regs + 0x41, -3920);
    put16(regs + 0x43, 131 * (tri - 16));
    put16(regs + 0x45, 655);
    put16(regs + 0x47, (k & 1u) ? 10 : -10);
}

mn_status_t mn_port_i2c_read(uint8_t address, uint8_t reg, uint8_t *bytes, size_t len) {
    if (address != SIM_ADDRESS) return MN_E_SENSOR_MISSING;
    if (reg == 0x3Bu && !(s_regs[PWR_MGMT_1] & 0x40u)) motion(s_regs, s_reads++);
    for (size_t i = 0; i < len; i++) bytes[i] = s_regs[(reg + i) & 0x7Fu];
    return MN_OK;
}
