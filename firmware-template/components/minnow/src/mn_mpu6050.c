#include "mn_mpu6050.h"

#include "mn_port.h"

/* 400 kHz fast mode: the MPU-6050's highest I2C clock (product specification PS-MPU-6000A-00 rev 3.4, 6.4). */
#define I2C_HZ 400000u
/* PWR_MGMT_1: SLEEP (bit 6, set at reset) cleared, CLKSEL 1 = the X gyroscope's PLL, the clock the register
 * map recommends over the internal 8 MHz oscillator. */
#define PWR_WAKE_PLL_X 0x01u
/* CONFIG: DLPF_CFG 3 (44 Hz accel, 42 Hz gyro bandwidth), which also sets the gyro output rate to 1 kHz. */
#define CONFIG_DLPF_44HZ 0x03u

static mn_status_t put(uint8_t address, uint8_t reg, uint8_t value) {
    const uint8_t bytes[2] = {reg, value};
    return mn_port_i2c_write(address, bytes, sizeof bytes);
}

uint8_t mn_mpu6050_divider(uint16_t rate_hz) {
    if (rate_hz == 0u) return 255u;
    uint32_t div = 1000u / rate_hz;
    return (uint8_t)(div == 0u ? 0u : div - 1u > 255u ? 255u : div - 1u);
}

mn_status_t mn_mpu6050_start(const mn_mpu6050_config_t *c, const char **why) {
    mn_status_t st = mn_port_i2c_open(c->sda_gpio, c->scl_gpio, I2C_HZ);
    *why = st == MN_E_SENSOR_UNAVAILABLE ? "this firmware has no I2C driver, or cannot use these pins"
                                         : "the I2C bus could not start on these pins";
    if (st != MN_OK) return st;
    *why = "nothing acknowledged the address";
    uint8_t who = 0;
    st = mn_port_i2c_read(c->address, MN_MPU_WHO_AM_I, &who, 1);
    if (st != MN_OK) return st;
    /* WHO_AM_I holds bits 6:1 of the address: 0x68 whatever AD0 is. Another chip answers otherwise. */
    *why = "a device answered, but WHO_AM_I is not 0x68 (not an MPU-6050)";
    if ((who & 0x7Eu) != MN_MPU_WHO_AM_I_VALUE) return MN_E_SENSOR_MISSING;
    *why = "the sensor did not take its settings";
    st = put(c->address, MN_MPU_PWR_MGMT_1, PWR_WAKE_PLL_X);
    if (st == MN_OK) st = put(c->address, MN_MPU_SMPLRT_DIV, mn_mpu6050_divider(c->rate_hz));
    if (st == MN_OK) st = put(c->address, MN_MPU_CONFIG, CONFIG_DLPF_44HZ);
    if (st == MN_OK) st = put(c->address, MN_MPU_GYRO_CONFIG, (uint8_t)((c->gyro_range & 3u) << 3));
    if (st == MN_OK) st = put(c->address, MN_MPU_ACCEL_CONFIG, (uint8_t)((c->accel_range & 3u) << 3));
    return st == MN_OK ? MN_OK : MN_E_SENSOR_IO;
}

static int16_t be16(const uint8_t *p) { return (int16_t)(uint16_t)((uint16_t)p[0] << 8 | p[1]); }

mn_status_t mn_mpu6050_read(uint8_t address, int16_t sample[6]) {
    uint8_t raw[MN_MPU_BURST];
    /* One burst read: the register map guarantees all values come from the same sampling instant. */
    mn_status_t st = mn_port_i2c_read(address, MN_MPU_ACCEL_XOUT_H, raw, sizeof raw);
    if (st != MN_OK) return st;
    for (int i = 0; i < 3; i++) {
        sample[i] = be16(raw + 2 * i);         /* ACCEL_XOUT_H … ACCEL_ZOUT_L: 0x3B–0x40 */
        sample[3 + i] = be16(raw + 8 + 2 * i); /* GYRO_XOUT_H … GYRO_ZOUT_L: 0x43–0x48, after TEMP_OUT */
    }
    return MN_OK;
}
