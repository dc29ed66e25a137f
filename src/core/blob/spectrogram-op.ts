import { INPUT_ID } from '../model/types.ts';
import type { ExecGraph, ExecStep } from '../plan/types.ts';
import { tablesFor, type SpectrogramParams } from '../quant/spectrogram.ts';
import { unsupported } from '../quant/unsupported.ts';
import { ElementType } from './format.ts';
import type { StepLayout } from './step-layout.ts';
import type { StepContext, StepValues } from './step-ops.ts';

/**
 * F-78: a Spectrogram reads the model input, which only it reads (the input is then int16, which no other
 * kernel takes). Throws COMPILE_UNSUPPORTED naming the layer otherwise.
 */
export function checkAudioInput(graph: ExecGraph): void {
  const readers = (id: number) => graph.steps.filter((s) => s.inputs.includes(id));
  for (const step of graph.steps) {
    if (step.op !== 'Spectrogram') continue;
    if (step.layer.inputs[0] !== INPUT_ID || step.inputs[0] !== graph.inputTensor)
      throw unsupported(step, 'a Spectrogram that does not read the model input', 'Make it the first layer.');
    const others = readers(graph.inputTensor).filter((s) => s !== step);
    const aliased = graph.tensors.some(
      (t) => t.id !== graph.inputTensor && t.buffer === graph.tensors[graph.inputTensor]?.buffer,
    );
    if (others.length > 0 || aliased)
      throw unsupported(
        step,
        'another layer reading the raw audio beside the Spectrogram',
        'Let only the Spectrogram read the model input.',
      );
  }
}

/** F-76, F-77: the op's four tables, its scratch buffer as second input and the frame step attribute. */
export function spectrogramLayout(step: ExecStep): Omit<StepLayout, 'opcode'> {
  const p = step.layer.params as unknown as SpectrogramParams;
  const t = tablesFor(p);
  return {
    constants: [
      { type: ElementType.UINT16, shape: [t.window.length] },
      { type: ElementType.INT16, shape: [t.twiddles.length / 2, 2] },
      { type: ElementType.UINT16, shape: [t.melRanges.length / 2, 2] },
      { type: ElementType.UINT16, shape: [t.melWeights.length] },
    ],
    inputs: [step.inputs[0] as number, step.scratch as number],
    attr: [p.frameStep & 0xff, p.frameStep >> 8],
  };
}

/** The values of the four tables, in the order of {@link spectrogramLayout}. */
export function spectrogramValues(c: StepContext): StepValues {
  const t = tablesFor(c.step.layer.params as unknown as SpectrogramParams);
  return {
    values: [
      Uint16Array.from(t.window),
      Int16Array.from(t.twiddles),
      Uint16Array.from(t.melRanges),
      Uint16Array.from(t.melWeights),
    ],
  };
}
