import { describe, expect, it } from 'vitest';
import { ownValue, textKeyed } from './text-keys.ts';

describe('records keyed by user text', () => {
  it('stores "__proto__" as a key and answers nothing for names it was not given', () => {
    const r = textKeyed<number>([
      ['__proto__', 1],
      ['a', 2],
    ]);
    expect(Object.keys(r)).toEqual(['__proto__', 'a']);
    expect(ownValue(r, '__proto__')).toBe(1);
    expect(ownValue(r, 'constructor')).toBeUndefined();
    expect(ownValue(r, 'toString')).toBeUndefined();
  });

  it('reads only own keys of a plain object, such as one JSON.parse made', () => {
    const parsed = JSON.parse('{"__proto__": 3, "x": 4}') as Record<string, number>;
    expect(ownValue(parsed, '__proto__')).toBe(3);
    expect(ownValue(parsed, 'hasOwnProperty')).toBeUndefined();
    expect(ownValue(undefined, 'x')).toBeUndefined();
  });
});
