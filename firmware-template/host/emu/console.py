"""UART0 and USB-Serial-JTAG as the image sees them (FACTS §4).

The host's bytes (stdin) reach the chosen console's receive side; what the image sends on it goes to stdout.
The other console receives nothing and what it sends is kept for the report.

UART0 receives at 115200 baud (FACTS §4, §10.5): one byte per 10 bit times of emulated clock, into a 128-byte
FIFO (SOC_UART_FIFO_LEN); a byte arriving at a full FIFO is lost and counted, as on the chip. Its transmitter
drains at once (TXFIFO_CNT reads 0). USB-Serial-JTAG moves 64-byte packets (the bulk endpoint size): the host
sends the next packet once the image has read the last; bytes the image writes leave only on WR_DONE.
"""
BAUD = 115200
UART_FIFO_LEN = 128  # SOC_UART_FIFO_LEN, FACTS §4
USB_PACKET = 64  # USB full-speed bulk endpoint (EP1) size


class Uart0:
    def __init__(self, machine, chip, host):
        self.m, self.host = machine, host
        self.fifo = bytearray()
        self.next_arrival = 0
        self.lost = 0
        mask = chip.uart_status_mask
        base = chip.uart0
        bus = machine.bus
        # uart_reg.h: FIFO +0x0 (RXFIFO_RD_BYTE [7:0]), STATUS +0x1C (RXFIFO_CNT low field, TXFIFO_CNT at 16).
        bus.reg(base + 0x00, 'UART_FIFO_REG', self._read_fifo, self._write_fifo)
        bus.reg(base + 0x1C, 'UART_STATUS_REG', lambda: self._rx_count() & mask)
        # uart_reg.h: INT_RAW +0x4, INT_ST +0x8, INT_ENA +0xC, INT_CLR +0x10, CLKDIV +0x14, CONF0 +0x20,
        # CONF1 +0x24, CLK_CONF (C3 +0x78, C6 +0x88), DATE (C3 +0x7C, C6 +0x8C). Kept, no effect: interrupts are
        # not modelled and the baud rate is fixed at 115200.
        bus.reg(base + 0x04, 'UART_INT_RAW_REG', lambda: 0)
        bus.reg(base + 0x08, 'UART_INT_ST_REG', lambda: 0)
        bus.store(base + 0x0C, 'UART_INT_ENA_REG')
        bus.reg(base + 0x10, 'UART_INT_CLR_REG', None, lambda v: None)
        for off, name in ((0x14, 'UART_CLKDIV_REG'), (0x20, 'UART_CONF0_REG'), (0x24, 'UART_CONF1_REG'),
                          (chip.uart_clk_conf, 'UART_CLK_CONF_REG')):
            bus.store(base + off, name)
        bus.reg(base + chip.uart_date, 'UART_DATE_REG', lambda: 0)
        if chip.uart_sclk_conf:
            addr, reset = chip.uart_sclk_conf
            bus.store(addr, 'PCR_UART0_SCLK_CONF_REG', reset)
        if chip.uart_reg_update is not None:
            # The latch completes at once in the model: the bit reads 0 after any write.
            bus.reg(base + chip.uart_reg_update, 'UART_REG_UPDATE_REG', lambda: 0, lambda v: None)
        self.cycles_per_byte = machine.cpu_mhz * 1_000_000 * 10 // BAUD

    def _arrive(self):
        """Moves the host bytes whose arrival time has passed into the FIFO (or counts them lost)."""
        now = self.m.cycles()
        if not self.host.pending():
            self.next_arrival = max(self.next_arrival, now)
            return
        while self.host.pending() and self.next_arrival <= now:
            byte = self.host.take(1)
            if len(self.fifo) < UART_FIFO_LEN:
                self.fifo += byte
            else:
                self.lost += 1
            self.next_arrival += self.cycles_per_byte

    def _rx_count(self):
        self._arrive()
        if not self.fifo:
            self.m.idle_poll(self.host)
        return len(self.fifo)

    def _read_fifo(self):
        self._arrive()
        if not self.fifo:
            return 0
        byte = self.fifo[0]
        del self.fifo[0]
        return byte

    def _write_fifo(self, value):
        self.m.console_tx('uart0', bytes([value & 0xFF]))

    def rom_rx(self):
        """uart_rx_one_char: a byte, or None when the FIFO is empty."""
        if not self._rx_count():
            return None
        return self._read_fifo()


class UsbSerialJtag:
    def __init__(self, machine, chip, host):
        self.m, self.host = machine, host
        self.out_ep = bytearray()  # host -> image
        self.in_ep = bytearray()  # image -> host, until WR_DONE
        self.dropped = 0
        base = chip.usj
        bus = machine.bus
        # usb_serial_jtag_reg.h: EP1 +0x0 (RDWR_BYTE [7:0]); EP1_CONF +0x4: WR_DONE bit0 (write),
        # SERIAL_IN_EP_DATA_FREE bit1, SERIAL_OUT_EP_DATA_AVAIL bit2 (FACTS §4).
        bus.reg(base + 0x0, 'USB_SERIAL_JTAG_EP1_REG', self._read_ep1, self._write_ep1)
        bus.reg(base + 0x4, 'USB_SERIAL_JTAG_EP1_CONF_REG', self._read_conf, self._write_conf)
        # INT_RAW +0x8, INT_ST +0xC, INT_ENA +0x10, INT_CLR +0x14, CONF0 +0x18: kept, interrupts not modelled.
        bus.reg(base + 0x08, 'USB_SERIAL_JTAG_INT_RAW_REG', lambda: 0)
        bus.reg(base + 0x0C, 'USB_SERIAL_JTAG_INT_ST_REG', lambda: 0)
        bus.store(base + 0x10, 'USB_SERIAL_JTAG_INT_ENA_REG')
        bus.reg(base + 0x14, 'USB_SERIAL_JTAG_INT_CLR_REG', None, lambda v: None)
        bus.store(base + 0x18, 'USB_SERIAL_JTAG_CONF0_REG')

    def _fill(self):
        if not self.out_ep and self.host.pending():
            self.out_ep += self.host.take(USB_PACKET)

    def _read_conf(self):
        self._fill()
        if not self.out_ep:
            self.m.idle_poll(self.host)
        free = len(self.in_ep) < USB_PACKET
        return (free << 1) | (bool(self.out_ep) << 2)

    def _write_conf(self, value):
        if value & 1 and self.in_ep:
            self.m.console_tx('usb', bytes(self.in_ep))
            self.in_ep.clear()

    def _read_ep1(self):
        self._fill()
        if not self.out_ep:
            return 0
        byte = self.out_ep[0]
        del self.out_ep[0]
        return byte

    def _write_ep1(self, value):
        if len(self.in_ep) >= USB_PACKET:
            self.dropped += 1  # written while DATA_FREE read 0: the byte never reaches the host
        else:
            self.in_ep.append(value & 0xFF)
