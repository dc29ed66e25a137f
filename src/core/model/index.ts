export * from './types.ts';
export { analyzeModel, validateModel, parseModelJson, parseModelSpec, type Validation } from './analyze.ts';
export { buildGraph, type ModelGraph } from './graph.ts';
export { isTokenStream, sequenceSpec } from './token-stream.ts';
