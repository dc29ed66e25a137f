import type { OpDef } from '../../core/ops/types.ts';

export type FieldKind = 'int' | 'number' | 'nullable-number' | 'enum' | 'boolean' | 'window' | 'shape';

export interface ParamField {
  readonly name: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** The tfjs default, as the form shows it when the parameter is not written. */
  readonly defaultValue?: unknown;
  readonly options?: readonly string[];
}

/** The parts of a zod 4 schema definition the form needs (zod keeps them on `_zod.def`). */
interface Def {
  readonly type: string;
  readonly innerType?: Schema;
  readonly in?: Schema;
  readonly options?: readonly Schema[];
  readonly element?: Schema;
  readonly entries?: Readonly<Record<string, string>>;
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly defaultValue?: unknown;
  readonly checks?: readonly { _zod: { def: { check: string; format?: string } } }[];
}
interface Schema {
  readonly _zod: { readonly def: Def };
}

const def = (s: unknown): Def => (s as Schema)._zod.def;

function isInt(d: Def): boolean {
  return (d.checks ?? []).some(
    (c) => c._zod.def.format === 'safeint' || c._zod.def.check === 'number_format',
  );
}

function kindOf(s: Schema): FieldKind | undefined {
  const d = def(s);
  switch (d.type) {
    case 'default':
    case 'optional':
      return d.innerType ? kindOf(d.innerType) : undefined;
    case 'nullable':
      return 'nullable-number';
    case 'pipe':
      return d.in ? kindOf(d.in) : undefined;
    case 'union':
      return 'window';
    case 'array':
      return 'shape';
    case 'enum':
      return 'enum';
    case 'boolean':
      return 'boolean';
    case 'number':
      return isInt(d) ? 'int' : 'number';
    default:
      return undefined;
  }
}

function defaultOf(s: Schema): unknown {
  const d = def(s);
  if (d.type === 'default') return typeof d.defaultValue === 'function' ? d.defaultValue() : d.defaultValue;
  return d.type === 'optional' && d.innerType ? defaultOf(d.innerType) : undefined;
}

function optionsOf(s: Schema): readonly string[] | undefined {
  const d = def(s);
  if (d.type === 'enum') return Object.values(d.entries ?? {});
  return d.innerType ? optionsOf(d.innerType) : undefined;
}

function objectShape(s: Schema): Readonly<Record<string, Schema>> {
  const d = def(s);
  if (d.shape) return d.shape;
  return d.type === 'pipe' && d.in ? objectShape(d.in) : {};
}

/** The form fields of an op, read from its parameter schema; a kind the form cannot edit is left out. */
export function paramFields(op: OpDef): ParamField[] {
  return Object.entries(objectShape(op.schema as unknown as Schema)).flatMap(([name, schema]) => {
    const kind = kindOf(schema);
    if (!kind) return [];
    const d = def(schema);
    const defaultValue = defaultOf(schema);
    const options = optionsOf(schema);
    return [
      {
        name,
        kind,
        required: d.type !== 'default' && d.type !== 'optional',
        ...(defaultValue === undefined ? {} : { defaultValue }),
        ...(options ? { options } : {}),
      },
    ];
  });
}
