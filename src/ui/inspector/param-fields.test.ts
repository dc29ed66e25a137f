import { describe, expect, it } from 'vitest';
import { OPS } from '../../core/ops/registry.ts';
import { paramFields } from './param-fields.ts';
import { textToValue, valueToText } from './param-value.ts';

const fields = (type: string) => {
  const op = OPS.get(type);
  if (!op) throw new Error(type);
  return Object.fromEntries(paramFields(op).map((f) => [f.name, f]));
};

describe('inspector fields from the op schemas', () => {
  it('reads kinds, defaults and options as tfjs defines them', () => {
    const dense = fields('Dense');
    expect(dense.units).toMatchObject({ kind: 'int', required: true });
    expect(dense.activation).toMatchObject({ kind: 'enum', required: false, defaultValue: 'linear' });
    expect(dense.activation?.options).toContain('relu6');
    expect(dense.useBias).toMatchObject({ kind: 'boolean', defaultValue: true });
    const conv = fields('Conv2D');
    expect(conv.kernelSize).toMatchObject({ kind: 'window', required: true });
    expect(conv.strides).toMatchObject({ kind: 'window', defaultValue: [1, 1] });
    expect(conv.padding?.options).toEqual(['valid', 'same']);
    expect(fields('Dropout').rate).toMatchObject({ kind: 'number', required: true });
    expect(fields('Reshape').targetShape).toMatchObject({ kind: 'shape', required: true });
    expect(fields('ReLU').maxValue).toMatchObject({ kind: 'nullable-number' });
    expect(Object.keys(fields('MaxPooling2D'))).toEqual(
      expect.arrayContaining(['poolSize', 'strides', 'padding']),
    );
  });

  it('gives every required parameter of every op a field', () => {
    for (const [type, op] of OPS) {
      const names = paramFields(op).map((f) => f.name);
      for (const required of Object.keys(op.examples)) expect(names, type).toContain(required);
    }
  });
});

describe('field text', () => {
  it('parses numbers, lists and blanks, keeping junk as typed for the validator', () => {
    expect(textToValue('100', 'int')).toBe(100);
    expect(textToValue('0.25', 'number')).toBe(0.25);
    expect(textToValue('', 'int')).toBeUndefined();
    expect(textToValue('abc', 'int')).toBe('abc');
    expect(textToValue('3', 'window')).toBe(3);
    expect(textToValue('3, 5', 'window')).toEqual([3, 5]);
    expect(textToValue('[28, 28, 1]', 'shape')).toEqual([28, 28, 1]);
    expect(textToValue('28x28', 'shape')).toEqual([28, 28]);
    expect(textToValue('3, a', 'window')).toBe('3, a');
    expect(valueToText([3, 3])).toBe('3, 3');
    expect(valueToText(undefined)).toBe('');
  });
});
