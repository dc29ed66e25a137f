/*
 * Any trap is a bug (no interrupt is ever enabled): say so on both consoles, then halt. A silent hang would
 * look like a dead board; a line with mcause/mepc/mtval points at the faulting instruction in the ELF.
 */
#include "bare.h"

static char *hex(char *at, const char *label, uint32_t value) {
    while (*label) *at++ = *label++;
    for (int shift = 28; shift >= 0; shift -= 4) *at++ = "0123456789abcdef"[(value >> shift) & 15u];
    return at;
}

void bare_trap(uint32_t mcause, uint32_t mepc, uint32_t mtval) __attribute__((noreturn));

void bare_trap(uint32_t mcause, uint32_t mepc, uint32_t mtval) {
    char line[80];
    char *at = hex(line, "\r\nminnow: trap mcause=0x", mcause);
    at = hex(at, " mepc=0x", mepc);
    at = hex(at, " mtval=0x", mtval);
    const char *tail = " halted\r\n";
    while (*tail) *at++ = *tail++;
    bare_console_write(BARE_BOTH, line, (size_t)(at - line));
    for (;;) __asm__ volatile("wfi");
}
