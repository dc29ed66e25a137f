/* A tiny image for the emulator's own tests: it disables the three watchdogs armed at boot (FACTS §3.3),
 * writes "hi" to UART0, maps flash page 0x10000 through the cache MMU with the ROM's helper (FACTS §5.2),
 * then forever reads a byte b from UART0 and answers with byte b of that flash page.
 *
 * Built per chip with -DCHIP_C3 or -DCHIP_C6; -DUSB talks on USB-Serial-JTAG instead of UART0 (-DNO_WR_DONE:
 * without ever flushing). Variants that must fail: -DKEEP_WDT (watchdogs left armed), -DNO_MAP (reads the
 * window without mapping it), -DKEEP_SHUT (maps, but leaves the buses shut), -DBAD_ROM (calls a ROM address
 * that is not modelled). It prints "<-42 beef>" with ets_printf and reads the cycle counter CSR once (mpccr, 0x7e2) as ESP-IDF's cycle count does. */
#ifdef CHIP_C3
#define RWDT_WPROTECT 0x600080A8
#define RWDT_CONFIG0  0x60008090
#define SWD_WPROTECT  0x600080B0
#define SWD_CONF      0x600080AC
#define SWD_KEY       0x8F1D312A
#define SWD_AUTOFEED  (1 << 31)
#define TIMG0         0x6001F000
#define BUS_CTRL      0x600C4004 /* EXTMEM_ICACHE_CTRL1_REG */
#define USJ           0x60043000
#define WINDOW        0x3C000000
#define STACK_TOP     0x3FCD0000
#define ROM_PRINTF    0x40000040
#define ROM_ATTACH    0x40000164
#define ROM_CACHE_INIT 0x400004C8
#define ROM_SUSPEND   0x40000524
#define ROM_RESUME    0x40000528
#define ROM_INVALIDATE 0x400004D8
#define ROM_MMU_SET   0x40000564
#else
#define RWDT_WPROTECT 0x600B1C18
#define RWDT_CONFIG0  0x600B1C00
#define SWD_WPROTECT  0x600B1C20
#define SWD_CONF      0x600B1C1C
#define SWD_KEY       0x50D83AA1
#define SWD_AUTOFEED  (1 << 18)
#define TIMG0         0x60008000
#define BUS_CTRL      0x600C8004 /* EXTMEM_L1_CACHE_CTRL_REG */
#define USJ           0x6000F000
#define WINDOW        0x42000000
#define STACK_TOP     0x40870000
#define ROM_PRINTF    0x40000028
#define ROM_ATTACH    0x400001DC
#define ROM_CACHE_INIT 0x40000634
#define ROM_SUSPEND   0x40000698
#define ROM_RESUME    0x4000069C
#define ROM_INVALIDATE 0x4000064C
#define ROM_MMU_SET   0x400006B8
#endif
#define WDT_KEY   0x50D83AA1
#define UART_FIFO 0x60000000
#define UART_STATUS 0x6000001C

.macro W addr, value
  li t0, \addr
  li t1, \value
  sw t1, 0(t0)
.endm

.macro PUT reg /* one byte out on the console, flushed */
#ifdef USB
  li t0, USJ
  sw \reg, 0(t0)
#ifndef NO_WR_DONE
  li t3, 1
  sw t3, 4(t0)
#endif
#else
  li t0, UART_FIFO
  sw \reg, 0(t0)
#endif
.endm

.macro CALL addr
  li t0, \addr
  jalr t0
.endm

.section .text
.global _start
_start:
  li sp, STACK_TOP
  csrci mstatus, 8
#ifndef KEEP_WDT
  W RWDT_WPROTECT, WDT_KEY
  W RWDT_CONFIG0, 0
  W RWDT_WPROTECT, 0
  W SWD_WPROTECT, SWD_KEY
  li t0, SWD_CONF
  lw t1, 0(t0)
  li t2, SWD_AUTOFEED
  or t1, t1, t2
  sw t1, 0(t0)
  W SWD_WPROTECT, 0
  W TIMG0 + 0x64, WDT_KEY
  W TIMG0 + 0x48, (1 << 22)
  W TIMG0 + 0x64, 0
#endif
  li a0, 'h'
  PUT a0
  li a0, 'i'
  PUT a0
  csrr s3, 0x7e2
  la a0, format     /* ets_printf prints on UART0 whatever the console */
  li a1, -42
  li a2, 0xbeef
  CALL ROM_PRINTF
#ifdef BAD_ROM
  CALL 0x40000400
#endif
#ifndef NO_MAP
  li a0, 0
  li a1, 0
  CALL ROM_ATTACH
  CALL ROM_CACHE_INIT
  CALL ROM_SUSPEND
  mv s1, a0
#ifdef CHIP_C3
  li a0, 0          /* ext_ram: flash */
  li a1, WINDOW     /* vaddr */
  li a2, 0x10000    /* paddr */
  li a3, 64         /* psize in KB */
  li a4, 1          /* pages */
  li a5, 0          /* fixed */
#else
  li a0, 0          /* sensitive */
  li a1, 0          /* ext_ram: flash */
  li a2, WINDOW
  li a3, 0x10000
  li a4, 64
  li a5, 1
  li a6, 0
#endif
  CALL ROM_MMU_SET
  mv s2, a0         /* 0 = mapped */
#ifndef KEEP_SHUT
  W BUS_CTRL, 0     /* open the instruction and data buses */
#endif
  CALL ROM_INVALIDATE
  mv a0, s1
  CALL ROM_RESUME
  bnez s2, fail
#endif
echo:
#ifdef USB
  li t0, USJ
1:lw t1, 4(t0)
  andi t1, t1, 4    /* SERIAL_OUT_EP_DATA_AVAIL */
  beqz t1, 1b
  lw t1, 0(t0)
#else
  li t0, UART_STATUS
1:lw t1, 0(t0)
  andi t1, t1, 0xFF
  beqz t1, 1b
  li t0, UART_FIFO
  lw t1, 0(t0)
#endif
  andi t1, t1, 0xFF
  li t2, WINDOW
  add t2, t2, t1
  lbu a0, 0(t2)
  PUT a0
  j echo
fail:
  li a0, '!'
  PUT a0
  j fail
format:
  .string "<%d %04x>"
