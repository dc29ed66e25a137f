import { MinnowError } from '../../errors.ts';

/** The most values a model input may hold: far above any model a microcontroller runs. */
export const MAX_INPUT_VALUES = 16 * 1024 * 1024;

/**
 * A shape from a foreign file, checked: whole sizes from 1 up whose product stays below `max` (a weight's
 * product is bounded by its shard bytes instead). `scalarOk` lets a weight be a scalar ([]).
 */
export function checkedShape(raw: unknown, what: string, max: number, scalarOk = false): number[] {
  const fail = (detail: string) =>
    new MinnowError('IMPORT_SHAPE', {
      what,
      shape: JSON.stringify(raw) ?? 'nothing',
      detail,
      max: MAX_INPUT_VALUES,
    });
  if (!Array.isArray(raw) || (raw.length === 0 && !scalarOk)) throw fail('it is not a list of sizes.');
  if (raw.length > 8) throw fail('it has more than 8 axes.');
  if (!raw.every((d) => Number.isSafeInteger(d) && (d as number) > 0)) {
    throw fail('every size must be a whole number from 1 up.');
  }
  const total = (raw as number[]).reduce((a, b) => a * b, 1);
  if (total > max) throw fail(`its ${total} values are far more than a model of this kind can hold.`);
  return raw as number[];
}
