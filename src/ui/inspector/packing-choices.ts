import type { LayerReport } from '../../core/inspect/report.ts';
import type { WeightPacking } from '../../core/model/types.ts';
import { formatBytes } from '../../core/units.ts';
import type { ParamField } from './param-fields.ts';

/** The field the packing control edits (M-11); taken from the op schema, so any op that gains it gets it. */
export const PACKING_PARAM = 'packing';

/** A layer's fields split into its packing, when its op takes one, and the generic parameter fields. */
export function splitPackingField(fields: readonly ParamField[]): {
  packing?: ParamField;
  others: ParamField[];
} {
  const packing = fields.find((f) => f.name === PACKING_PARAM);
  const others = fields.filter((f) => f !== packing);
  return packing ? { packing, others } : { others };
}

const EXPLANATIONS: Readonly<Record<string, string>> = {
  int8: 'One byte per weight: the accuracy the model was trained for.',
  int4: 'Half the flash of int8, for a small loss of accuracy.',
  ternary: 'About a fifth of the flash; train with quantization awareness to keep the accuracy.',
};

export interface PackingChoice {
  readonly value: string;
  /** "int4 · 39.6 KB (saves 39.2 KB)": the layer's weights at this packing, against int8. */
  readonly label: string;
  readonly explanation: string;
}

/** One choice per packing the schema offers, priced with this layer's weights when the report has them. */
export function packingChoices(options: readonly string[], report?: LayerReport): PackingChoice[] {
  const sizes = report?.weightBytesByPacking;
  return options.map((value) => {
    const bytes = sizes?.[value as WeightPacking];
    const saved = sizes && bytes !== undefined ? sizes.int8 - bytes : 0;
    const cost =
      bytes === undefined
        ? ''
        : ` · ${formatBytes(bytes)}${saved > 0 ? ` (saves ${formatBytes(saved)})` : ''}`;
    return { value, label: `${value}${cost}`, explanation: EXPLANATIONS[value] ?? '' };
  });
}
