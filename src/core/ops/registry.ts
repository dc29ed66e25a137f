import { dense } from './dense.ts';
import { flatten } from './flatten.ts';
import type { OpDef } from './types.ts';

/** Every layer type Minnow understands, keyed by its tfjs/Keras class name. */
const ALL: readonly OpDef<never>[] = [dense, flatten] as unknown as OpDef<never>[];

export const OPS: ReadonlyMap<string, OpDef> = new Map(ALL.map((op) => [op.type, op as unknown as OpDef]));

export function getOp(type: string): OpDef | undefined {
  return OPS.get(type);
}

export function opTypes(): string[] {
  return [...OPS.keys()];
}
