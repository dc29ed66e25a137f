/* Bare-metal RV32 port (QEMU virt, semihosting). With -icount shift=0 the instret CSR counts retired
 * instructions exactly; the .option directive lets an rv32imc build read a CSR without zicsr multilibs. */
#include "mn_port.h"

#include <stdio.h>

uint32_t mn_port_cycles(void) {
    uint32_t n;
    __asm__ volatile(".option push\n.option arch, +zicsr\ncsrr %0, instret\n.option pop" : "=r"(n));
    return n;
}

const char *mn_port_cycle_unit(void) { return "instructions"; }

void mn_port_log(const char *line) { printf("%s\n", line); }

void mn_port_yield(void) {}
