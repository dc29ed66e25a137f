import { MinnowError } from '../../errors.ts';
import { INPUT_ID } from '../../model/types.ts';
import { isObject, type Config } from './config.ts';
import { checkedShape, MAX_INPUT_VALUES } from './shape.ts';

/** One layer of the imported model after nested models are flattened, in an order where inputs come first. */
export interface KerasNode {
  readonly className: string;
  readonly name: string;
  /** The name in the file (a duplicate gets a suffix in `name`); weights are found by it. */
  readonly kerasName: string;
  /** Index of the layer in the layer list of the model that holds it (for messages). */
  readonly index: number;
  readonly config: Config;
  /** Names of the nodes it reads, or INPUT_ID for the model input. */
  readonly inbound: readonly string[];
}

export interface FlatTopology {
  readonly name: string;
  readonly inputShape: readonly number[];
  readonly nodes: readonly KerasNode[];
}

const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);
/** Minnow models hold at most 1,000 layers; a file with far more is refused before it is walked. */
const MAX_LAYERS = 1500;
/** Minnow layer ids have at most 64 characters; a longer name is cut, leaving room for a suffix. */
const MAX_ID = 60;

interface RawLayer {
  readonly className: string;
  readonly name: string;
  readonly index: number;
  readonly config: Config;
  readonly raw: Record<string, unknown>;
}

/** Walks a Keras model config, nested models included, into one list of nodes. */
class Flattener {
  readonly nodes: KerasNode[] = [];
  inputShape: readonly number[] | undefined;
  private count = 0;
  private readonly used = new Set<string>();

  constructor(private readonly file: string) {}

  fail(place: string, detail: string, fix: string): MinnowError {
    return new MinnowError('IMPORT_TOPOLOGY', { file: this.file, place, detail, fix });
  }

  private layersOf(model: Record<string, unknown>, where: string): RawLayer[] {
    const config = model.config;
    const list = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
    if (!Array.isArray(list))
      throw this.fail(where, 'the model has no "layers" list.', 'Export the model again.');
    this.count += list.length;
    if (this.count > MAX_LAYERS) {
      throw this.fail(
        where,
        `it has more than ${MAX_LAYERS} layers.`,
        'Minnow models hold at most 1,000 layers.',
      );
    }
    return list.map((raw: unknown, index) => {
      if (!isObject(raw) || typeof raw.class_name !== 'string' || !isObject(raw.config)) {
        throw this.fail(
          `${where} layer ${index}`,
          'a layer needs "class_name" and "config".',
          'Export the model again.',
        );
      }
      const name =
        typeof raw.config.name === 'string' ? raw.config.name : typeof raw.name === 'string' ? raw.name : '';
      if (name === '')
        throw this.fail(`${where} layer ${index}`, 'the layer has no name.', 'Export the model again.');
      return { className: raw.class_name, name, index, config: raw.config, raw };
    });
  }

  /** The model input, taken from an InputLayer or the first layer's batch_input_shape. */
  private setInput(layer: RawLayer): void {
    if (this.inputShape) {
      throw this.fail(
        `layer ${layer.index} "${layer.name}"`,
        'the model has a second input.',
        'Minnow models have one input; join the inputs into one tensor before the model.',
      );
    }
    const c = layer.config;
    const batch = c.batch_input_shape ?? c.batchInputShape ?? c.batch_shape;
    const shape = Array.isArray(batch) ? batch.slice(1) : (c.input_shape ?? c.inputShape);
    this.inputShape = checkedShape(
      shape,
      `The input of layer ${layer.index} "${layer.name}" (${layer.className})`,
      MAX_INPUT_VALUES,
    );
  }

  /** Adds a node; a name a nested model already used (or Minnow reserves) gets a suffix, noted by the caller. */
  private emit(layer: RawLayer, inbound: readonly string[]): string {
    const base = layer.name.slice(0, MAX_ID);
    let name = base;
    for (let k = 2; this.used.has(name) || name === INPUT_ID; k++) name = `${base}_${k}`;
    this.used.add(name);
    this.nodes.push({
      className: layer.className,
      name,
      kerasName: layer.name,
      index: layer.index,
      config: layer.config,
      inbound,
    });
    return name;
  }

  /** Flattens a model; `source` is the tensor feeding it when it is nested. Returns the node giving its output. */
  expand(model: Record<string, unknown>, source: string | undefined, where: string): string {
    const layers = this.layersOf(model, where);
    const isSequential = model.class_name === 'Sequential' || Array.isArray(model.config);
    return isSequential
      ? this.sequential(layers, source, where)
      : this.functional(model, layers, source, where);
  }

  private sequential(layers: readonly RawLayer[], source: string | undefined, where: string): string {
    let prev = source;
    for (const layer of layers) {
      if (layer.className === 'InputLayer') {
        if (prev === undefined) this.setInput(layer);
        prev ??= INPUT_ID;
        continue;
      }
      // A nested model first in line declares the input itself.
      if (prev === undefined && !MODEL_CLASSES.has(layer.className)) {
        this.setInput(layer);
        prev = INPUT_ID;
      }
      prev = MODEL_CLASSES.has(layer.className)
        ? this.expand(layer.raw, prev, layer.name)
        : this.emit(layer, [prev ?? INPUT_ID]);
    }
    if (prev === undefined)
      throw this.fail(where, 'the model has no layers.', 'Export a model with at least one layer.');
    return prev;
  }

  private functional(
    model: Record<string, unknown>,
    layers: readonly RawLayer[],
    source: string | undefined,
    where: string,
  ): string {
    const config = model.config as Record<string, unknown>;
    const byName = new Map(layers.map((l) => [l.name, l]));
    const resolved = new Map<string, string>();
    const visiting = new Set<string>();
    const resolve = (name: string, from: string): string => {
      const done = resolved.get(name);
      if (done !== undefined) return done;
      const layer = byName.get(name);
      if (!layer)
        throw this.fail(
          `${where}, layer "${from}"`,
          `it reads "${name}", which is not a layer of the model.`,
          'Export the model again.',
        );
      if (visiting.has(name)) {
        throw this.fail(
          `${where}, layer "${name}"`,
          `its inbound nodes form a cycle through ${[...visiting].join(' → ')}.`,
          'A model must flow one way; the file is damaged.',
        );
      }
      visiting.add(name);
      let out: string;
      if (layer.className === 'InputLayer') {
        if (source === undefined) this.setInput(layer);
        out = source ?? INPUT_ID;
      } else {
        const inbound = this.inboundOf(layer, where).map((n) => resolve(n, name));
        if (inbound.length === 0)
          throw this.fail(`${where}, layer "${name}"`, 'it reads nothing.', 'Export the model again.');
        out = MODEL_CLASSES.has(layer.className)
          ? this.expand(layer.raw, inbound[0], layer.name)
          : this.emit(layer, inbound);
      }
      visiting.delete(name);
      resolved.set(name, out);
      return out;
    };
    const outputs = tensorRefs(config.output_layers);
    if (outputs.length !== 1) {
      throw this.fail(
        where,
        `the model has ${outputs.length} outputs.`,
        'Minnow models have exactly one output; keep the one you need in Keras before exporting.',
      );
    }
    const inputs = tensorRefs(config.input_layers);
    if (inputs.length > 1)
      throw this.fail(where, `the model has ${inputs.length} inputs.`, 'Minnow models have one input.');
    return resolve(outputs[0] as string, 'output_layers');
  }

  private inboundOf(layer: RawLayer, where: string): string[] {
    const nodes = layer.raw.inbound_nodes;
    if (!Array.isArray(nodes) || nodes.length === 0) return [];
    if (nodes.length > 1) {
      throw new MinnowError('IMPORT_LAYER_UNSUPPORTED', {
        index: layer.index,
        name: layer.name,
        className: layer.className,
        detail: `it is used ${nodes.length} times in ${where} (a shared layer).`,
        instead: 'Minnow layers run once; use a separate layer for each use.',
      });
    }
    return tensorRefs(nodes[0]);
  }
}

/** Layer names from inbound/output lists: Keras 2 `[name, node, tensor, kwargs]`, Keras 3 `keras_history`. */
function tensorRefs(raw: unknown): string[] {
  if (!Array.isArray(raw) && !isObject(raw)) return [];
  if (isObject(raw)) {
    const history = isObject(raw.config) ? raw.config.keras_history : undefined;
    if (Array.isArray(history) && typeof history[0] === 'string') return [history[0]];
    return tensorRefs(raw.args);
  }
  if (typeof raw[0] === 'string') return [raw[0]];
  return raw.flatMap((item) => tensorRefs(item));
}

/** Finds the Keras model config in a model.json and flattens it. */
export function flattenTopology(topology: Record<string, unknown>, file: string): FlatTopology {
  const flat = new Flattener(file);
  flat.expand(topology, undefined, 'the model');
  if (!flat.inputShape) {
    throw flat.fail(
      'the model',
      'no layer says the input shape.',
      'Give the first layer an input shape (inputShape in tfjs, input_shape in Keras) and export again.',
    );
  }
  const config = topology.config;
  const name = isObject(config) && typeof config.name === 'string' ? config.name : 'imported';
  return { name, inputShape: flat.inputShape, nodes: flat.nodes };
}
