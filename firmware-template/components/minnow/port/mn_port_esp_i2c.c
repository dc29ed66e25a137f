/*
 * ESP-IDF port of the sensor bus (mn_port.h, docs/SENSORS.md S-10) over the v5.x i2c_master driver
 * (components/esp_driver_i2c/include/driver/i2c_master.h): one bus, reopened when other pins are asked for,
 * and one device handle per address. A transfer that fails is followed by a probe, which tells a missing
 * device (ESP_ERR_NOT_FOUND: no ACK) from a bus fault.
 */
#include "driver/i2c_master.h"
#include "mn_port.h"

/* Long enough for a 14-byte burst at 100 kHz with clock stretching; short enough not to stall a stream. */
#define XFER_TIMEOUT_MS 20
#define MAX_DEVICES 2

static i2c_master_bus_handle_t s_bus;
static uint8_t s_sda = 0xFF, s_scl = 0xFF;
static uint32_t s_hz;
static struct {
    uint8_t address;
    i2c_master_dev_handle_t handle;
} s_devices[MAX_DEVICES];
static int s_device_count;

static void close_bus(void) {
    for (int i = 0; i < s_device_count; i++) i2c_master_bus_rm_device(s_devices[i].handle);
    s_device_count = 0;
    if (s_bus != NULL) i2c_del_master_bus(s_bus);
    s_bus = NULL;
}

mn_status_t mn_port_i2c_open(uint8_t sda_gpio, uint8_t scl_gpio, uint32_t hz) {
    if (s_bus != NULL && sda_gpio == s_sda && scl_gpio == s_scl && hz == s_hz) return MN_OK;
    close_bus();
    const i2c_master_bus_config_t config = {
        .i2c_port = -1, /* any free controller */
        .sda_io_num = (gpio_num_t)sda_gpio,
        .scl_io_num = (gpio_num_t)scl_gpio,
        .clk_source = I2C_CLK_SRC_DEFAULT,
        .glitch_ignore_cnt = 7, /* the value the driver's documentation calls typical */
        .flags.enable_internal_pullup = 1,
    };
    /* Pins the chip does not have, or that another peripheral holds, are refused here (ESP_ERR_INVALID_ARG). */
    if (i2c_new_master_bus(&config, &s_bus) != ESP_OK) {
        s_bus = NULL;
        return MN_E_SENSOR_UNAVAILABLE;
    }
    s_sda = sda_gpio;
    s_scl = scl_gpio;
    s_hz = hz;
    return MN_OK;
}

static i2c_master_dev_handle_t device(uint8_t address) {
    for (int i = 0; i < s_device_count; i++) {
        if (s_devices[i].address == address) return s_devices[i].handle;
    }
    if (s_bus == NULL || s_device_count == MAX_DEVICES) return NULL;
    const i2c_device_config_t config = {
        .dev_addr_length = I2C_ADDR_BIT_LEN_7,
        .device_address = address,
        .scl_speed_hz = s_hz,
    };
    i2c_master_dev_handle_t handle = NULL;
    if (i2c_master_bus_add_device(s_bus, &config, &handle) != ESP_OK) return NULL;
    s_devices[s_device_count].address = address;
    s_devices[s_device_count].handle = handle;
    s_device_count++;
    return handle;
}

static mn_status_t failed(uint8_t address) {
    return i2c_master_probe(s_bus, address, XFER_TIMEOUT_MS) == ESP_ERR_NOT_FOUND ? MN_E_SENSOR_MISSING
                                                                                  : MN_E_SENSOR_IO;
}

mn_status_t mn_port_i2c_write(uint8_t address, const uint8_t *bytes, size_t len) {
    i2c_master_dev_handle_t dev = device(address);
    if (dev == NULL) return s_bus == NULL ? MN_E_SENSOR_UNAVAILABLE : MN_E_SENSOR_IO;
    if (i2c_master_transmit(dev, bytes, len, XFER_TIMEOUT_MS) == ESP_OK) return MN_OK;
    return failed(address);
}

mn_status_t mn_port_i2c_read(uint8_t address, uint8_t reg, uint8_t *bytes, size_t len) {
    i2c_master_dev_handle_t dev = device(address);
    if (dev == NULL) return s_bus == NULL ? MN_E_SENSOR_UNAVAILABLE : MN_E_SENSOR_IO;
    if (i2c_master_transmit_receive(dev, &reg, 1, bytes, len, XFER_TIMEOUT_MS) == ESP_OK) return MN_OK;
    return failed(address);
}
