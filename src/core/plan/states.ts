import { alignUp } from './live.ts';
import type { ExecGraph, StatePlacement } from './types.ts';

/**
 * F-74: each GRU keeps its state, [2, units] int8, above the planned buffers, 16-byte aligned. The state is
 * read before it is written and a streamed model keeps it from one run to the next, so no buffer may reuse
 * its bytes. Returns the placements in step order and where the last one ends.
 */
export function placeStates(graph: ExecGraph, buffersEnd: number): { states: StatePlacement[]; end: number } {
  const states: StatePlacement[] = [];
  let end = buffersEnd;
  for (const step of graph.steps) {
    if (step.op !== 'GRU') continue;
    const bytes = 2 * (step.layer.outputShape.at(-1) ?? 0);
    const offset = alignUp(end);
    states.push({ step: step.index, offset, bytes });
    end = offset + bytes;
  }
  return { states, end };
}
