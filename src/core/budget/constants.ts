import type { CpuArch } from '../chips/types.ts';

/*
 * RAM and flash the interpreter firmware needs besides the model's own bytes. Each figure is an estimate
 * to be replaced by what the C interpreter measures (sizeof its structures, the linker map, heap_caps
 * readings on a board); until then the gauge labels the totals estimates.
 */

/** The interpreter context: parsed blob header, arena pointer, step cursor, status. Replace with sizeof(mn_interpreter). */
export const INTERPRETER_FIXED_BYTES = 512;

/**
 * RAM kept per tensor (resolved data pointer, quantization parameters cached from flash). TFLM keeps 24 B
 * (FACTS §A); Minnow reads most tensor metadata in place from flash. Replace with the C struct's sizeof.
 */
export const PER_TENSOR_BYTES = 16;

/** RAM kept per step (kernel pointer, cached requantization set-up); TFLM keeps 56 B per op. Replace likewise. */
export const PER_STEP_BYTES = 8;

/** Stack of the firmware task that runs the protocol loop and the interpreter. Replace with its configured size. */
export const TASK_STACK_BYTES = 8 * 1024;

/** Serial protocol frame buffers, one to receive and one to send. Replace with the firmware's buffer sizes. */
export const PROTOCOL_BUFFER_BYTES = 4 * 1024;

/** ESP-IDF UART driver ring buffers and event queue. Replace with a heap reading before and after install. */
export const UART_DRIVER_BYTES = 2 * 1024;

/**
 * What the running firmware takes from the heap that a hello_world's free-heap figure still counts. A board
 * that reports its own figures has already paid it, so a measured chip reserves nothing.
 */
export const FIRMWARE_RUNTIME_BYTES = TASK_STACK_BYTES + PROTOCOL_BUFFER_BYTES + UART_DRIVER_BYTES;

/**
 * Flash of the firmware image when the manifest has no build for the chip. ESP-IDF's hello_world app is
 * roughly 150–200 KB (recalled, not measured here); the console, UART driver, partition mapping and the
 * interpreter add to it. Export-only targets count the interpreter and a small host program. Replace with
 * the manifest's appBytes once the pipeline builds the chip.
 */
export const FIRMWARE_FLASH_ESTIMATE: Readonly<Record<CpuArch, number>> = {
  'xtensa-lx6': 240 * 1024,
  'xtensa-lx7': 240 * 1024,
  rv32imc: 224 * 1024,
  rv32imac: 224 * 1024,
  rv32imafc: 256 * 1024,
  'cortex-m4f': 64 * 1024,
  'cortex-m0+': 64 * 1024,
  'cortex-m7': 64 * 1024,
};
