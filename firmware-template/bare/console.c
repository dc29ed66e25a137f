/*
 * The protocol console on both UART0 and USB-Serial-JTAG, polled (no interrupts). UART0 gets its baud rate
 * set as ESP-IDF's bootloader sets it (bootloader_console.c, _uart_ll_set_baudrate): 115200 from the XTAL
 * clock the ROM selected for the UART (ESP_ROM_UART_CLK_IS_XTAL); pins and frame format stay the ROM's 8N1 on
 * the default pins. A USB write waits a bounded time for the host: with no host reading, the IN FIFO never
 * drains, and the board must keep serving UART0.
 */
#include "bare.h"
#include "chip.h"

#define UART_FIFO_BYTES 128u
/* Polls of EP1_CONF before a USB write gives up: about 0.1 s at the ROM's 20 MHz (a poll is a few cycles plus a
 * peripheral read), short enough that a USB port nobody reads does not hold up UART0 for long. */
#define USB_WAIT_POLLS 200000u

/* Set when a USB write timed out; cleared when the host sends or the FIFO drains. Avoids a wait per byte. */
static int s_usb_stalled;

/* Polls before giving up on the UART draining or latching its settings: far longer than either takes. */
#define UART_WAIT_POLLS 1000000u

static uint32_t uart_rx_count(void) { return REG(UART_STATUS) & UART_CNT_MASK; }
static uint32_t uart_tx_count(void) { return (REG(UART_STATUS) >> 16) & UART_CNT_MASK; }

void bare_console_init(void) {
    /* Let the ROM's last banner bytes leave at the old setting. */
    for (uint32_t i = 0; i < UART_WAIT_POLLS && uart_tx_count() > 0; i++) {
    }
    const uint32_t div16 = (XTAL_HZ << 4) / CONSOLE_BAUD; /* pre-divider 1: 40 MHz / 115200 fits 12 bits */
    REG(UART_CLKDIV) = (REG(UART_CLKDIV) & ~(0xFFFu | (0xFu << 20))) | (div16 >> 4) | ((div16 & 15u) << 20);
    REG(UART_SCLK_CONF) = REG(UART_SCLK_CONF) & ~UART_SCLK_DIV_NUM_MASK;
#ifdef UART_REG_UPDATE
    REG(UART_REG_UPDATE) = 1u;
    for (uint32_t i = 0; i < UART_WAIT_POLLS && (REG(UART_REG_UPDATE) & 1u); i++) {
    }
#endif
}

size_t bare_console_read(uint8_t *buf, size_t cap, bare_channel_t *from) {
    size_t n = 0;
    while (n < cap && uart_rx_count() > 0) buf[n++] = (uint8_t)REG(UART_FIFO);
    if (n > 0) {
        *from = BARE_UART;
        return n;
    }
    while (n < cap && (REG(USJ_EP1_CONF) & USJ_OUT_AVAIL)) buf[n++] = (uint8_t)REG(USJ_EP1);
    if (n > 0) {
        s_usb_stalled = 0;
        *from = BARE_USB;
    }
    return n;
}

static void uart_write(const char *text, size_t len) {
    for (size_t i = 0; i < len; i++) {
        while (uart_tx_count() >= UART_FIFO_BYTES) {
        }
        REG(UART_FIFO) = (uint8_t)text[i];
    }
}

static int usb_wait_free(void) {
    for (uint32_t i = 0; i < USB_WAIT_POLLS; i++) {
        if (REG(USJ_EP1_CONF) & USJ_IN_FREE) return 1;
    }
    return 0;
}

static void usb_write(const char *text, size_t len) {
    if (s_usb_stalled && !(REG(USJ_EP1_CONF) & USJ_IN_FREE)) return;
    s_usb_stalled = 0;
    for (size_t i = 0; i < len; i++) {
        if (!(REG(USJ_EP1_CONF) & USJ_IN_FREE)) {
            REG(USJ_EP1_CONF) = USJ_WR_DONE; /* the FIFO is full: hand it to the host, then wait */
            if (!usb_wait_free()) {
                s_usb_stalled = 1;
                return;
            }
        }
        REG(USJ_EP1) = (uint8_t)text[i];
    }
    REG(USJ_EP1_CONF) = USJ_WR_DONE;
}

void bare_console_write(bare_channel_t to, const char *text, size_t len) {
    if (to & BARE_UART) uart_write(text, len);
    if (to & BARE_USB) usb_write(text, len);
}
