import { MinnowError } from '../core/errors.ts';

/** The code of the MinnowError `run` throws; fails the test on any other outcome. */
export function errorCode(run: () => unknown): number {
  try {
    run();
  } catch (e) {
    if (e instanceof MinnowError) return e.code;
    throw e;
  }
  throw new Error('expected a MinnowError, but nothing was thrown');
}
