import { param } from './config.ts';
import { activationOf, flag, refuse, type Emitted, type MapContext } from './emitted.ts';
import { one, weightsOf } from './map-core.ts';

type Mapper = (ctx: MapContext) => readonly Emitted[];

/** tfjs writes "hardSigmoid", Keras "hard_sigmoid"; both are Minnow's hardSigmoid (tfjs's 0.2·x + 0.5). */
function recurrentActivation(ctx: MapContext): string {
  const raw = param(ctx.node.config, 'recurrent_activation') ?? 'hard_sigmoid';
  if (raw === 'hard_sigmoid' || raw === 'hardSigmoid') return 'hardSigmoid';
  if (raw === 'sigmoid') return 'sigmoid';
  throw refuse(
    ctx.node,
    `its recurrent_activation "${String(raw)}" is not one Minnow runs.`,
    'Retrain the GRU with recurrent_activation "sigmoid" or "hard_sigmoid".',
  );
}

const gru: Mapper = (ctx) => {
  const n = ctx.node;
  if (flag(n, 'reset_after', false)) {
    throw refuse(
      n,
      'it is a GRU with reset_after=True (the Keras 2 default), which applies the reset gate after the recurrent product.',
      'Minnow runs the GRU that tfjs runs: retrain with GRU(units, reset_after=False).',
    );
  }
  for (const key of ['return_state', 'go_backwards', 'stateful', 'unroll'] as const) {
    if (key !== 'unroll' && flag(n, key, false))
      throw refuse(
        n,
        `it sets ${key}.`,
        `Minnow runs a forward GRU that returns its outputs only; retrain without ${key}.`,
      );
  }
  const useBias = flag(n, 'use_bias', true);
  const params = {
    units: param(n.config, 'units'),
    activation: activationOf(n),
    recurrentActivation: recurrentActivation(ctx),
    useBias,
    returnSequences: flag(n, 'return_sequences', false),
  };
  const names = ['kernel', 'recurrent_kernel', ...(useBias ? ['bias'] : [])];
  return one(ctx, 'GRU', params, weightsOf(ctx, names));
};

const embedding: Mapper = (ctx) => {
  if (flag(ctx.node, 'mask_zero', false))
    ctx.note(`Embedding "${ctx.node.name}" masked token 0 in Keras; Minnow computes every step.`);
  const params = {
    inputDim: param(ctx.node.config, 'input_dim'),
    outputDim: param(ctx.node.config, 'output_dim'),
  };
  return one(ctx, 'Embedding', params, weightsOf(ctx, ['embeddings']));
};

export const SEQUENCE_MAPPERS: Readonly<Record<string, Mapper>> = {
  Embedding: embedding,
  GRU: gru,
};
