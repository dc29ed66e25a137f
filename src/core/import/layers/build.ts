import { MinnowError } from '../../errors.ts';
import { getOp } from '../../ops/registry.ts';
import { formatShape, INPUT_ID, shapeSize, type Shape } from '../../model/types.ts';
import { refuse, type Emitted, type MapContext, type Mapped, type PendingPad } from './emitted.ts';
import type { ManifestWeight } from './manifest.ts';
import { CONV_MAPPERS, unfoldable } from './map-conv.ts';
import { CORE_MAPPERS } from './map-core.ts';
import { NORMALIZATION_MAPPERS } from './map-normalization.ts';
import { POOLING_MAPPERS } from './map-pooling.ts';
import { SEQUENCE_MAPPERS } from './map-sequence.ts';
import type { FlatTopology, KerasNode } from './topology.ts';
import { insteadOf } from './unsupported.ts';

const MAPPERS: Readonly<Record<string, (ctx: MapContext) => Mapped>> = {
  ...CORE_MAPPERS,
  ...SEQUENCE_MAPPERS,
  ...NORMALIZATION_MAPPERS,
  ...CONV_MAPPERS,
  ...POOLING_MAPPERS,
};
/** Window layers that fold a ZeroPadding2D in front of them. */
const PAD_FOLDERS = new Set(['Conv2D', 'DepthwiseConv2D', 'SeparableConv2D']);

export interface Built {
  readonly layers: readonly Emitted[];
  readonly notes: string[];
}

/** Finds a layer's weights in the manifest by `<layer>/<weight>` (nested-model prefixes ignored), in file order. */
class WeightIndex {
  private readonly used = new Set<ManifestWeight>();
  constructor(private readonly all: readonly ManifestWeight[]) {}

  /**
   * `<layer>/<weight>` at the end of the name first; else any name with a `<layer>` folder ending in
   * `/<weight>`, as Keras names a recurrent layer's weights after its cell (`gru/gru_cell/kernel`).
   */
  find(layer: string, weight: string): ManifestWeight | undefined {
    const key = `${layer}/${weight}`;
    const free = this.all.filter((w) => !this.used.has(w));
    const exact = free.find((w) => w.name === key || w.name.endsWith(`/${key}`));
    if (exact) return exact;
    return free.find((w) => {
      const parts = w.name.split('/');
      return parts.at(-1) === weight && parts.slice(0, -1).includes(layer);
    });
  }

  take(layer: string, weight: string): ManifestWeight | undefined {
    const found = this.find(layer, weight);
    if (found) this.used.add(found);
    return found;
  }

  get unused(): number {
    return this.all.length - this.used.size;
  }
}

/** The shape a Minnow layer gives, by the op's own rule; a bad parameter is refused naming the Keras layer. */
function outputShape(node: KerasNode, layer: Emitted, inputs: readonly Shape[]): Shape {
  const op = getOp(layer.type);
  const parsed = op?.schema.safeParse(layer.params);
  if (!op || !parsed?.success) {
    const issue = parsed?.error?.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw refuse(
      node,
      `its ${where || 'configuration'} is not usable (${issue?.message ?? 'unknown layer'}).`,
      'Check the layer in Keras and export again.',
    );
  }
  return op.outputShape(parsed.data as never, inputs, { id: layer.id, type: layer.type });
}

/** Checks that each weight has the size Minnow's op expects for it. */
function checkWeights(node: KerasNode, layer: Emitted, inputs: readonly Shape[]): void {
  const op = getOp(layer.type);
  const params = op?.schema.parse(layer.params);
  for (const spec of op?.weights(params as never, inputs) ?? []) {
    const values = layer.weights?.[spec.name];
    if (values?.length === shapeSize(spec.shape)) continue;
    throw new MinnowError('IMPORT_WEIGHT_MISSING', {
      index: node.index,
      name: node.name,
      className: node.className,
      weight: spec.name,
      shape: formatShape(spec.shape),
      detail: values
        ? `the shards hold ${values.length} values for it.`
        : 'it is not in the weights manifest.',
    });
  }
}

/** Maps every flattened Keras node to Minnow layers with their weights, in order. */
export function buildLayers(topology: FlatTopology, manifest: readonly ManifestWeight[]): Built {
  const index = new WeightIndex(manifest);
  const notes: string[] = [];
  const alias = new Map<string, string>([[INPUT_ID, INPUT_ID]]);
  const shapes = new Map<string, Shape>([[INPUT_ID, topology.inputShape]]);
  const pads = new Map<string, PendingPad>();
  const layers: Emitted[] = [];
  for (const node of topology.nodes) {
    const mapper = MAPPERS[node.className];
    if (!mapper) throw refuse(node, 'Minnow has no such layer.', insteadOf(node.className));
    const pad = node.inbound.map((n) => pads.get(n)).find((p) => p !== undefined);
    if (pad && !PAD_FOLDERS.has(node.className)) throw unfoldable(pad);
    const inputs = node.inbound.map((n) => pads.get(n)?.source ?? alias.get(n) ?? n);
    const ctx: MapContext = {
      node,
      inputs,
      shapes: inputs.map((n) => shapes.get(n) ?? []),
      pad,
      note: (text) => notes.push(text),
      hasWeight: (name) => index.find(node.kerasName, name) !== undefined,
      weight: (name) => {
        const found = index.take(node.kerasName, name);
        if (found) return found.values;
        throw new MinnowError('IMPORT_WEIGHT_MISSING', {
          index: node.index,
          name: node.name,
          className: node.className,
          weight: name,
          shape: '(as the layer needs)',
          detail: `the weights manifest has no "${node.kerasName}/${name}".`,
        });
      },
    };
    const mapped = mapper(ctx);
    if ('pad' in mapped) {
      pads.set(node.name, mapped.pad);
      continue;
    }
    for (const layer of mapped) {
      const ins = layer.inputs.map((n) => shapes.get(n) ?? []);
      shapes.set(layer.id, outputShape(node, layer, ins));
      checkWeights(node, layer, ins);
      layers.push(layer);
    }
    alias.set(node.name, mapped.at(-1)?.id ?? node.name);
  }
  const last = topology.nodes.at(-1);
  if (last && pads.has(last.name)) throw unfoldable(pads.get(last.name) as PendingPad);
  if (index.unused > 0)
    notes.push(`${index.unused} weights of the manifest belong to no imported layer and were left out.`);
  return { layers, notes };
}
