import type { MinnowError } from '../../errors.ts';
import type { Conversion } from './convert.ts';
import type { TfOperator } from './read.ts';
import { OP } from './schema.ts';

const MAPPED =
  'FULLY_CONNECTED, CONV_2D, DEPTHWISE_CONV_2D, MAX_POOL_2D, AVERAGE_POOL_2D, RESHAPE, SOFTMAX, ADD, CONCATENATION, LOGISTIC, TANH, RELU, RELU6, MEAN, PAD, QUANTIZE/DEQUANTIZE at the edges';

/** What Minnow offers instead of an operator it does not run. */
const INSTEAD: Readonly<Record<number, string>> = {
  [OP.LSTM]: 'LSTM is not supported; GRU is: rebuild the recurrent layer as a GRU in the designer.',
  [OP.UNIDIRECTIONAL_SEQUENCE_LSTM]:
    'LSTM is not supported; GRU is: rebuild the recurrent layer as a GRU in the designer.',
  [OP.BIDIRECTIONAL_SEQUENCE_LSTM]: 'Bidirectional LSTM is not supported; a forward GRU is.',
  [OP.RNN]: 'A plain RNN is not supported; GRU is.',
  [OP.CUSTOM]:
    'Custom operators run only in the runtime that defines them; rebuild the model from built-in layers.',
};

/** The refusal of an operator no mapper knows: its name, index and output, and what Minnow can do instead. */
export function unsupportedOp(c: Conversion, op: TfOperator): MinnowError {
  const instead =
    INSTEAD[op.code] ?? `Minnow maps these operators: ${MAPPED}. Rebuild that part of the model from them.`;
  return c.unsupported(op, 'Minnow has no kernel for it', instead);
}
