import { ElementType, OPCODE } from '../blob/format.ts';
import { fullClamp, last, tableOpShapes, type Kernel } from './kernel.ts';

/**
 * F-62: e_j = T[0][d >> 4] · T[1][d & 15] with d = max − x_j approximates 2^30·exp(−sx·d); the output is
 * round-half-up(256·e_j / Σe) − 128, capped at 127. The division is exact 64-bit arithmetic (BigInt here).
 */
export const softmax: Kernel = {
  opcode: OPCODE.Softmax,
  name: 'Softmax',
  inputs: { min: 1, max: 1 },
  constants: [{ role: 'exp table', types: [ElementType.UINT16], rank: 2 }],
  attributeBytes: 0,
  attributes: fullClamp,
  shapes: (o) => tableOpShapes(o, 'exp table', [2, 16]),
  run(args) {
    const [x] = args.inputs as [Int8Array];
    const table = args.constants[0] as Uint16Array;
    const n = last(args.operands.output.shape);
    const e = new Array<number>(n);
    for (let row = 0; row < x.length; row += n) {
      let max = -128;
      for (let j = 0; j < n; j++) max = Math.max(max, x[row + j] as number);
      let sum = 0n;
      for (let j = 0; j < n; j++) {
        const d = max - (x[row + j] as number);
        e[j] = (table[d >> 4] as number) * (table[16 + (d & 15)] as number);
        sum += BigInt(e[j] as number);
      }
      for (let j = 0; j < n; j++) {
        // Only an all-zero table makes the sum 0 (the writer's start at 32768); F-62 gives it q = 0.
        const q = sum > 0n ? Number((512n * BigInt(e[j] as number) + sum) / (2n * sum)) : 0;
        args.output[row + j] = Math.min(127, q - 128);
      }
    }
  },
};
