/* The protocol's byte channels: UART0 on every chip, plus USB-Serial-JTAG on chips that have it. */
#ifndef CONSOLE_IO_H
#define CONSOLE_IO_H

#include <stddef.h>
#include <stdint.h>

typedef enum { CONSOLE_UART = 0, CONSOLE_USB = 1, CONSOLE_ALL = 2 } console_channel_t;

void console_io_init(void);

/* Waits briefly for bytes on any channel; returns how many were read and from which channel. */
size_t console_io_read(uint8_t *buf, size_t cap, console_channel_t *from);

void console_io_write(console_channel_t to, const char *text, size_t len);

#endif
