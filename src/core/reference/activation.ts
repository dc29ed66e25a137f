import { ElementType, OPCODE } from '../blob/format.ts';
import { fullClamp, tableOpShapes, type Kernel } from './kernel.ts';

/** F-63: an elementwise function of an int8 is a 256-entry table: y = T[x + 128]. */
export const activation: Kernel = {
  opcode: OPCODE.Activation,
  name: 'Activation',
  inputs: { min: 1, max: 1 },
  constants: [{ role: 'lookup table', types: [ElementType.INT8], rank: 1 }],
  attributeBytes: 0,
  attributes: fullClamp,
  shapes: (o) => tableOpShapes(o, 'lookup table', [256]),
  run(args) {
    const [x] = args.inputs as [Int8Array];
    const table = args.constants[0] as Int8Array;
    for (let i = 0; i < x.length; i++) args.output[i] = table[(x[i] as number) + 128] as number;
  },
};
