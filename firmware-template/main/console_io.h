/* The protocol's byte channels: UART0 on every chip, plus USB-Serial-JTAG on chips that have it. */
#ifndef CONSOLE_IO_H
#define CONSOLE_IO_H

#include <stddef.h>
#include <stdint.h>

typedef enum { CONSOLE_UART = 0, CONSOLE_USB = 1, CONSOLE_ALL = 2 } console_channel_t;

/* Installs the drivers. A channel whose driver fails to install is left out (logged once, before the
 * protocol starts); the board then answers on the other one. Returns how many channels work. */
int console_io_init(void);

/* Waits briefly for bytes on any working channel; returns how many were read and from which channel. */
size_t console_io_read(uint8_t *buf, size_t cap, console_channel_t *from);

void console_io_write(console_channel_t to, const char *text, size_t len);

/* The channel a reply to every channel (the boot announcement) names: USB-Serial-JTAG when it works, else UART0. */
console_channel_t console_io_primary(void);

/* The protocol's name of a channel (mn_board_info_t.console): "uart0" or "usb-serial-jtag". */
const char *console_io_name(console_channel_t channel);

#endif
