/* The bare-metal platform layer: what main.c calls, one file per concern. */
#ifndef BARE_H
#define BARE_H

#include <stddef.h>
#include <stdint.h>

/* watchdog.c: stops the RTC, super and TIMG0 watchdogs the ROM left armed for flash boot. */
void bare_watchdogs_off(void);

/* console.c: polled UART0 and USB-Serial-JTAG; replies go to the channel the last request came from. */
typedef enum { BARE_UART = 1, BARE_USB = 2, BARE_BOTH = 3 } bare_channel_t;
void bare_console_init(void);
size_t bare_console_read(uint8_t *buf, size_t cap, bare_channel_t *from);
void bare_console_write(bare_channel_t to, const char *text, size_t len);

/* flash_map.c: maps the model partition into the data bus; returns its first byte. */
const uint8_t *bare_map_model(void);

/* rom.c: facts the mask ROM knows. */
uint32_t bare_cpu_mhz(void);

#endif
