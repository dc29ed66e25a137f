import type { Activation } from '../../model/types.ts';
import type { Conversion } from './convert.ts';
import type { TfOperator } from './read.ts';
import { ACTIVATION } from './schema.ts';

/** A fused ActivationFunctionType as a Minnow activation; int8 models keep only the clamps (F-65). */
export function fusedActivation(c: Conversion, op: TfOperator, code: number): Activation {
  if (code === ACTIVATION.NONE) return 'linear';
  if (code === ACTIVATION.RELU) return 'relu';
  if (code === ACTIVATION.RELU6) return 'relu6';
  if (code === ACTIVATION.TANH && !c.int8) return 'tanh';
  const name = ['NONE', 'RELU', 'RELU_N1_TO_1', 'RELU6', 'TANH', 'SIGN_BIT'][code] ?? `activation ${code}`;
  throw c.unsupported(
    op,
    `its fused activation ${name} has no Minnow counterpart${c.int8 ? ' in an int8 model' : ''}`,
    'Minnow fuses RELU and RELU6 into a layer; use one of those, or a separate activation.',
  );
}
