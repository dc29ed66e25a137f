/*
 * Entry point the mask ROM jumps to (the image header's entry_addr). Assumes nothing of the ROM's CPU state:
 * interrupts off, own gp, own stack, own trap vector, .bss zeroed, then C.
 */
    .option arch, +zicsr
    .section .text.entry, "ax"
    .globl _start
_start:
    csrci mstatus, 8                  /* mstatus.MIE = 0: no interrupt until the end */
    .option push
    .option norelax
    la gp, __global_pointer$          /* before any code the linker may have relaxed against gp */
    .option pop
    la sp, __stack_top
    la t0, bare_trap_vector
    ori t0, t0, 1                     /* vectored mode, as ESP-IDF sets it (rv_utils_set_mtvec) */
    csrw mtvec, t0
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sw zero, 0(t0)
    addi t0, t0, 4
    j 1b
2:  call bare_main
3:  j 3b

    /* The core uses only the 24 upper bits of mtvec: the table must be 256-byte aligned. An exception enters
     * at its first entry, interrupt n (never enabled here) at entry n: all of them report and halt. */
    .section .text.trap, "ax"
    .balign 256
    .globl bare_trap_vector
bare_trap_vector:
    .option push
    .option norvc
    .rept 32
    j bare_trap_entry
    .endr
    .option pop
bare_trap_entry:
    la sp, __trap_stack_top           /* the faulting stack may be the cause */
    csrr a0, mcause
    csrr a1, mepc
    csrr a2, mtval
    j bare_trap
