import { MinnowError } from '../errors.ts';
import type { ExecStep } from '../plan/types.ts';

/** E624 for a step the blob cannot express, naming its layer. */
export function unsupported(step: ExecStep, detail: string, fix: string): MinnowError {
  return new MinnowError('COMPILE_UNSUPPORTED', { layer: step.layer.id, type: step.layer.type, detail, fix });
}

/** E624 for a layer type without an integer kernel. */
export function noKernel(step: ExecStep): MinnowError {
  return unsupported(
    step,
    'the blob format has no kernel for it yet',
    'Remove the layer, or replace it with supported ones.',
  );
}
