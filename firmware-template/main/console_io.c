#include "console_io.h"

#include "driver/uart.h"
#include "esp_log.h"
#include "freertos/FreeRTOS.h"
#include "mn_frame.h"
#include "soc/soc_caps.h"
#if SOC_USB_SERIAL_JTAG_SUPPORTED
#include "driver/usb_serial_jtag.h"
#endif

#define CONSOLE_UART_PORT UART_NUM_0
/* Room for two of the protocol's longest frames per direction: a whole request waits while the board is busy
 * with the previous one. usb_serial_jtag_write_bytes queues a frame whole or not at all (one xRingbufferSend,
 * ESP-IDF v5.5.1 components/esp_driver_usb_serial_jtag/src/usb_serial_jtag.c), so a frame longer than its TX
 * buffer could never leave; a shorter one is never cut. UART TX has no buffer: uart_write_bytes blocks until
 * the frame is in the FIFO. */
#define RX_BUFFER_BYTES (2u * MN_FRAME_MAX_TEXT)
#define USB_TX_BUFFER_BYTES (2u * MN_FRAME_MAX_TEXT)
_Static_assert(RX_BUFFER_BYTES >= MN_FRAME_MAX_TEXT, "a whole request frame must fit the RX buffer");
_Static_assert(RX_BUFFER_BYTES > SOC_UART_FIFO_LEN, "uart_driver_install needs more than the FIFO");
_Static_assert(USB_TX_BUFFER_BYTES >= MN_FRAME_MAX_TEXT, "a whole reply frame must fit the USB TX buffer");
/* Long enough to yield to the idle task, short enough to alternate between the two channels. */
#define POLL_TICKS 1
/* A USB host that is not reading must not stall the board for long. */
#define USB_WRITE_TICKS pdMS_TO_TICKS(50)

static const char *TAG = "console";
static int s_uart_ok;
static int s_usb_ok;

static int install_uart(void) {
    const uart_config_t cfg = {
        .baud_rate = 115200,
        .data_bits = UART_DATA_8_BITS,
        .parity = UART_PARITY_DISABLE,
        .stop_bits = UART_STOP_BITS_1,
        .flow_ctrl = UART_HW_FLOWCTRL_DISABLE,
        .source_clk = UART_SCLK_DEFAULT,
    };
    esp_err_t err = uart_driver_install(CONSOLE_UART_PORT, (int)RX_BUFFER_BYTES, 0, 0, NULL, 0);
    if (err == ESP_OK) err = uart_param_config(CONSOLE_UART_PORT, &cfg);
    if (err != ESP_OK) ESP_LOGE(TAG, "UART0 unavailable: %s", esp_err_to_name(err));
    return err == ESP_OK;
}

static int install_usb(void) {
#if SOC_USB_SERIAL_JTAG_SUPPORTED
    usb_serial_jtag_driver_config_t usb = {.tx_buffer_size = USB_TX_BUFFER_BYTES,
                                           .rx_buffer_size = RX_BUFFER_BYTES};
    esp_err_t err = usb_serial_jtag_driver_install(&usb);
    if (err != ESP_OK) ESP_LOGE(TAG, "USB-Serial-JTAG unavailable, answering on UART0 only: %s",
                                esp_err_to_name(err));
    return err == ESP_OK;
#else
    return 0; /* ESP32 and ESP32-S2 have no USB-Serial-JTAG: the protocol runs on UART0 */
#endif
}

int console_io_init(void) {
    s_uart_ok = install_uart();
    s_usb_ok = install_usb();
    return s_uart_ok + s_usb_ok;
}

size_t console_io_read(uint8_t *buf, size_t cap, console_channel_t *from) {
    if (s_uart_ok) {
        int n = uart_read_bytes(CONSOLE_UART_PORT, buf, (uint32_t)cap, POLL_TICKS);
        if (n > 0) {
            *from = CONSOLE_UART;
            return (size_t)n;
        }
    }
#if SOC_USB_SERIAL_JTAG_SUPPORTED
    if (s_usb_ok) {
        int n = usb_serial_jtag_read_bytes(buf, (uint32_t)cap, POLL_TICKS);
        if (n > 0) {
            *from = CONSOLE_USB;
            return (size_t)n;
        }
    }
#endif
    if (!s_uart_ok && !s_usb_ok) vTaskDelay(POLL_TICKS); /* no channel: stay out of the idle task's way */
    return 0;
}

void console_io_write(console_channel_t to, const char *text, size_t len) {
    if (s_uart_ok && (to == CONSOLE_UART || to == CONSOLE_ALL)) uart_write_bytes(CONSOLE_UART_PORT, text, len);
#if SOC_USB_SERIAL_JTAG_SUPPORTED
    if (s_usb_ok && (to == CONSOLE_USB || to == CONSOLE_ALL)) usb_serial_jtag_write_bytes(text, len, USB_WRITE_TICKS);
#endif
}

console_channel_t console_io_primary(void) { return s_usb_ok ? CONSOLE_USB : CONSOLE_UART; }

const char *console_io_name(console_channel_t channel) {
    return channel == CONSOLE_USB ? "usb-serial-jtag" : "uart0";
}
