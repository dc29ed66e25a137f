import { ELEMENT_KINDS, MAC_KINDS, PACKED_KINDS } from '../chips/types.ts';
import { MinnowError } from '../errors.ts';
import type { BudgetInput } from './types.ts';

const COUNTS = ['arenaBytes', 'ioBytes', 'tensorCount', 'stepCount', 'weightsBytes', 'blobBytes'] as const;

function checkCount(name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new MinnowError('BUDGET_INPUT_INVALID', {
      detail: `${name} is ${String(value)}, not a whole number ≥ 0.`,
    });
  }
}

function checkTable(name: string, table: unknown, kinds: readonly string[]): void {
  if (typeof table !== 'object' || table === null) {
    throw new MinnowError('BUDGET_INPUT_INVALID', { detail: `${name} is not a table of counts.` });
  }
  for (const [kind, value] of Object.entries(table)) {
    if (!kinds.includes(kind)) {
      throw new MinnowError('BUDGET_INPUT_INVALID', {
        detail: `${name} has an unknown kind "${kind}" (known: ${kinds.join(', ')}).`,
      });
    }
    checkCount(`${name}.${kind}`, value);
  }
}

/** Rejects inputs no planner could produce, so the budget never does arithmetic on garbage. */
export function checkBudgetInput(input: BudgetInput): void {
  if (typeof input !== 'object' || input === null) {
    throw new MinnowError('BUDGET_INPUT_INVALID', { detail: 'no input figures were given.' });
  }
  for (const key of COUNTS) checkCount(key, input[key]);
  if (input.weightsBytes > input.blobBytes) {
    throw new MinnowError('BUDGET_INPUT_INVALID', {
      detail: `the weights (${input.weightsBytes} B) cannot be larger than the blob that holds them (${input.blobBytes} B).`,
    });
  }
  checkTable('macsByKind', input.macsByKind, MAC_KINDS);
  checkTable('elementsByKind', input.elementsByKind, ELEMENT_KINDS);
  if (input.packedMacs !== undefined) checkTable('packedMacs', input.packedMacs, PACKED_KINDS);
}
