/*
 * The MPU-6050 over the port's I2C bus (docs/SENSORS.md S-11 … S-14): wake and configure it, then read one
 * sample (accelerometer and gyroscope, raw two's-complement counts) per call.
 */
#ifndef MN_MPU6050_H
#define MN_MPU6050_H

#include <stdint.h>

#include "mn_status.h"

/* Register addresses and values, RM-MPU-6000A-00 rev 4.2 (docs/SENSORS.md cites each). */
#define MN_MPU_ADDRESS_LOW 0x68u  /* AD0 tied low */
#define MN_MPU_ADDRESS_HIGH 0x69u /* AD0 tied high */
#define MN_MPU_SMPLRT_DIV 0x19u
#define MN_MPU_CONFIG 0x1Au
#define MN_MPU_GYRO_CONFIG 0x1Bu
#define MN_MPU_ACCEL_CONFIG 0x1Cu
#define MN_MPU_ACCEL_XOUT_H 0x3Bu
#define MN_MPU_PWR_MGMT_1 0x6Bu
#define MN_MPU_WHO_AM_I 0x75u
#define MN_MPU_WHO_AM_I_VALUE 0x68u
/* Bytes of one burst read from ACCEL_XOUT_H: accel X Y Z, temperature, gyro X Y Z, 16 bits each. */
#define MN_MPU_BURST 14u

typedef struct {
    uint8_t address;     /* 0x68 or 0x69 */
    uint8_t accel_range; /* AFS_SEL 0–3: ±2, 4, 8, 16 g */
    uint8_t gyro_range;  /* FS_SEL 0–3: ±250, 500, 1000, 2000 °/s */
    uint8_t sda_gpio, scl_gpio;
    uint16_t rate_hz; /* 1–1000 */
} mn_mpu6050_config_t;

/* Opens the bus, checks WHO_AM_I, wakes the sensor and sets its rate and ranges. On failure `why` says which
 * step failed (for the err reply). */
mn_status_t mn_mpu6050_start(const mn_mpu6050_config_t *config, const char **why);

/* Reads one sample: ax, ay, az, gx, gy, gz as the sensor counts them. */
mn_status_t mn_mpu6050_read(uint8_t address, int16_t sample[6]);

/* SMPLRT_DIV for a rate: the sensor's 1 kHz (DLPF on) divided to the rate or just above it, 0–255. */
uint8_t mn_mpu6050_divider(uint16_t rate_hz);

#endif
