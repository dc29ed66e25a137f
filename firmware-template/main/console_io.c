#include "console_io.h"

#include "driver/uart.h"
#include "esp_log.h"
#include "freertos/FreeRTOS.h"
#include "soc/soc_caps.h"
#if SOC_USB_SERIAL_JTAG_SUPPORTED
#include "driver/usb_serial_jtag.h"
#endif

#define CONSOLE_UART_PORT UART_NUM_0
#define RX_BUFFER_BYTES 4096
/* Long enough to yield to the idle task, short enough to alternate between the two channels. */
#define POLL_TICKS 1
/* A USB host that is not reading must not stall the board for long. */
#define USB_WRITE_TICKS pdMS_TO_TICKS(50)

static const char *TAG = "console";

void console_io_init(void) {
    const uart_config_t cfg = {
        .baud_rate = 115200,
        .data_bits = UART_DATA_8_BITS,
        .parity = UART_PARITY_DISABLE,
        .stop_bits = UART_STOP_BITS_1,
        .flow_ctrl = UART_HW_FLOWCTRL_DISABLE,
        .source_clk = UART_SCLK_DEFAULT,
    };
    esp_err_t err = uart_driver_install(CONSOLE_UART_PORT, RX_BUFFER_BYTES, 0, 0, NULL, 0);
    if (err == ESP_OK) err = uart_param_config(CONSOLE_UART_PORT, &cfg);
    if (err != ESP_OK) ESP_LOGE(TAG, "UART0 unavailable: %s", esp_err_to_name(err));
#if SOC_USB_SERIAL_JTAG_SUPPORTED
    usb_serial_jtag_driver_config_t usb = {.tx_buffer_size = 2048, .rx_buffer_size = RX_BUFFER_BYTES};
    err = usb_serial_jtag_driver_install(&usb);
    if (err != ESP_OK) ESP_LOGE(TAG, "USB-Serial-JTAG unavailable: %s", esp_err_to_name(err));
#endif
}

size_t console_io_read(uint8_t *buf, size_t cap, console_channel_t *from) {
    int n = uart_read_bytes(CONSOLE_UART_PORT, buf, (uint32_t)cap, POLL_TICKS);
    if (n > 0) {
        *from = CONSOLE_UART;
        return (size_t)n;
    }
#if SOC_USB_SERIAL_JTAG_SUPPORTED
    n = usb_serial_jtag_read_bytes(buf, (uint32_t)cap, POLL_TICKS);
    if (n > 0) {
        *from = CONSOLE_USB;
        return (size_t)n;
    }
#endif
    return 0;
}

void console_io_write(console_channel_t to, const char *text, size_t len) {
    if (to == CONSOLE_UART || to == CONSOLE_ALL) uart_write_bytes(CONSOLE_UART_PORT, text, len);
#if SOC_USB_SERIAL_JTAG_SUPPORTED
    if (to == CONSOLE_USB || to == CONSOLE_ALL) usb_serial_jtag_write_bytes(text, len, USB_WRITE_TICKS);
#endif
}
