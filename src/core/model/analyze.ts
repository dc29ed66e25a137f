import { MinnowError } from '../errors.ts';
import { declaredVersion, firstIssue } from '../versioned.ts';
import { getOp, opTypes } from '../ops/registry.ts';
import type { OpDef } from '../ops/types.ts';
import { closest } from './closest.ts';
import { buildGraph, type GraphNode } from './graph.ts';
import { layerParams, paramError } from './param-errors.ts';
import { modelSchema } from './schema.ts';
import {
  INPUT_ID,
  shapeSize,
  formatShape,
  type AnalyzedLayer,
  type AnalyzedModel,
  type ModelSpec,
  type Shape,
} from './types.ts';
import { parseJsonText } from '../json-text.ts';

/** Checks the outer structure of a model file and returns it typed, or throws a coded error. */
export function parseModelSpec(raw: unknown): ModelSpec {
  const version = declaredVersion(raw);
  if (version !== undefined && version !== 1) throw new MinnowError('MODEL_VERSION', { version });
  const result = modelSchema.safeParse(raw);
  if (!result.success) {
    const { path, message, at } = firstIssue(result.error);
    const layerIndex = at[0] === 'layers' ? at[1] : undefined;
    // raw may be any JSON value here (null included); only a real layers array can name the layer.
    const layers = typeof raw === 'object' && raw !== null ? (raw as { layers?: unknown }).layers : undefined;
    const layer =
      typeof layerIndex === 'number' && Array.isArray(layers) ? (layers[layerIndex] as unknown) : undefined;
    const layerId = typeof layer === 'object' && layer !== null ? (layer as { id?: unknown }).id : undefined;
    throw new MinnowError('MODEL_SCHEMA', {
      path,
      detail: message,
      layer: typeof layerId === 'string' ? layerId : undefined,
    });
  }
  return result.data as ModelSpec;
}

/** Parses JSON text into a checked ModelSpec. */
export function parseModelJson(text: string): ModelSpec {
  let raw: unknown;
  try {
    raw = parseJsonText(text);
  } catch (e) {
    throw new MinnowError('MODEL_NOT_JSON', { detail: (e as Error).message });
  }
  return parseModelSpec(raw);
}

function opFor(node: GraphNode): OpDef {
  const op = getOp(node.layer.type);
  if (op) return op;
  const guess = closest(node.layer.type, opTypes());
  throw new MinnowError('UNKNOWN_LAYER_TYPE', {
    layer: node.layer.id,
    type: node.layer.type,
    suggestion: guess ? `Did you mean "${guess}"?` : `Known types: ${opTypes().join(', ')}.`,
  });
}

function analyzeLayer(node: GraphNode, inputShapes: readonly Shape[]): AnalyzedLayer {
  const { id, type } = node.layer;
  const op = opFor(node);
  const raw = layerParams(node.layer);
  const parsed = op.schema.safeParse(raw);
  if (!parsed.success) throw paramError({ id, type }, raw, op, parsed.error);
  const params = parsed.data;
  const n = inputShapes.length;
  if (n < op.arity.min || n > op.arity.max) {
    const expected = op.arity.min === op.arity.max ? `${op.arity.min}` : `${op.arity.min} to ${op.arity.max}`;
    throw new MinnowError('WRONG_ARITY', {
      layer: id,
      type,
      expected,
      actual: n,
      fix: op.arity.min > 1 ? 'List two or more layer ids in "inputs".' : 'Give it exactly one input.',
    });
  }
  const outputShape = op.outputShape(params, inputShapes, { id, type });
  if (outputShape.some((d) => !Number.isInteger(d) || d <= 0)) {
    throw new MinnowError('ZERO_SIZED', {
      layer: id,
      type,
      shape: formatShape(outputShape),
      fix: 'Use padding "same", smaller strides, or fewer pooling steps before it.',
    });
  }
  const weights = op.weights(params, inputShapes);
  return {
    id,
    type,
    inputs: node.inputs,
    params,
    inputShapes,
    outputShape,
    weights,
    paramCount: weights.reduce((sum, w) => sum + shapeSize(w.shape), 0),
    macs: op.macs(params, inputShapes, outputShape),
    index: node.index,
  };
}

/** Validates a model (structure, graph, parameters, shapes) and computes per-layer sizes. Throws the first error. */
export function analyzeModel(raw: unknown): AnalyzedModel {
  const spec = parseModelSpec(raw);
  const graph = buildGraph(spec.layers);
  const shapes = new Map<string, Shape>([[INPUT_ID, spec.input.shape]]);
  const layers = graph.order.map((id) => {
    const node = graph.nodes.get(id) as GraphNode;
    const layer = analyzeLayer(
      node,
      node.inputs.map((i) => shapes.get(i) as Shape),
    );
    shapes.set(id, layer.outputShape);
    return layer;
  });
  return {
    spec,
    name: spec.name,
    inputShape: spec.input.shape,
    layers,
    outputId: graph.outputId,
    paramCount: layers.reduce((s, l) => s + l.paramCount, 0),
    macs: layers.reduce((s, l) => s + l.macs, 0),
  };
}

export type Validation = { ok: true; model: AnalyzedModel } | { ok: false; error: MinnowError };

/** analyzeModel without throwing: what the editor calls on every keystroke. */
export function validateModel(raw: unknown): Validation {
  try {
    return { ok: true, model: analyzeModel(raw) };
  } catch (e) {
    if (e instanceof MinnowError) return { ok: false, error: e };
    throw e;
  }
}
