export * from './types.ts';
export { estimateBudget } from './estimate.ts';
export { interpreterBytes } from './ram.ts';
export { suggestFixes, type Evaluate, type Evaluation, type Suggestion } from './suggest.ts';
export { workKind } from './kinds.ts';
