/* The sensor bus of a port without an I2C driver (bare-metal images, the RV32 bench): every call answers
 * SENSOR_UNAVAILABLE, so `imu` (docs/PROTOCOL.md P-19) says plainly that this firmware cannot read sensors. */
#include "mn_port.h"

mn_status_t mn_port_i2c_open(uint8_t sda_gpio, uint8_t scl_gpio, uint32_t hz) {
    (void)sda_gpio;
    (void)scl_gpio;
    (void)hz;
    return MN_E_SENSOR_UNAVAILABLE;
}

mn_status_t mn_port_i2c_write(uint8_t address, const uint8_t *bytes, size_t len) {
    (void)address;
    (void)bytes;
    (void)len;
    return MN_E_SENSOR_UNAVAILABLE;
}

mn_status_t mn_port_i2c_read(uint8_t address, uint8_t reg, uint8_t *bytes, size_t len) {
    (void)address;
    (void)reg;
    (void)bytes;
    (void)len;
    return MN_E_SENSOR_UNAVAILABLE;
}
