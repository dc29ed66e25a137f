/**
 * The facts of the TensorFlow Lite schema (tensorflow/compiler/mlir/lite/schema/schema.fbs) this reader
 * needs: the field ids of each table (a field's vtable slot is 4 + 2·id; a union field takes two ids, its
 * type first), the BuiltinOperator codes Minnow maps, the BuiltinOptions union indices (NONE is 0), the
 * TensorType codes and the Padding and ActivationFunctionType enums.
 */
export const FILE_IDENTIFIER = 'TFL3';

export const MODEL = { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4 } as const;
export const SUBGRAPH = { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4 } as const;
export const TENSOR = { shape: 0, type: 1, buffer: 2, name: 3, quantization: 4, sparsity: 6 } as const;
export const QUANTIZATION = { scale: 2, zeroPoint: 3, detailsType: 4, quantizedDimension: 6 } as const;
export const OPERATOR = { opcodeIndex: 0, inputs: 1, outputs: 2, optionsType: 3, options: 4 } as const;
export const OPERATOR_CODE = { deprecatedBuiltinCode: 0, customCode: 1, version: 2, builtinCode: 3 } as const;
export const BUFFER = { data: 0, offset: 1, size: 2 } as const;

export const CONV_OPTIONS = { padding: 0, strideW: 1, strideH: 2, activation: 3, dilationW: 4, dilationH: 5 };
export const DEPTHWISE_OPTIONS = {
  padding: 0,
  strideW: 1,
  strideH: 2,
  depthMultiplier: 3,
  activation: 4,
  dilationW: 5,
  dilationH: 6,
};
export const POOL_OPTIONS = { padding: 0, strideW: 1, strideH: 2, filterW: 3, filterH: 4, activation: 5 };
export const FULLY_CONNECTED_OPTIONS = { activation: 0, weightsFormat: 1, keepNumDims: 2 };
export const SOFTMAX_OPTIONS = { beta: 0 };
export const CONCATENATION_OPTIONS = { axis: 0, activation: 1 };
export const ADD_OPTIONS = { activation: 0 };
export const REDUCER_OPTIONS = { keepDims: 0 };

/** BuiltinOperator codes of the operators Minnow maps or names in advice. */
export const OP = {
  ADD: 0,
  AVERAGE_POOL_2D: 1,
  CONCATENATION: 2,
  CONV_2D: 3,
  DEPTHWISE_CONV_2D: 4,
  DEQUANTIZE: 6,
  FULLY_CONNECTED: 9,
  LOGISTIC: 14,
  LSTM: 16,
  MAX_POOL_2D: 17,
  RELU: 19,
  RELU6: 21,
  RESHAPE: 22,
  RNN: 24,
  SOFTMAX: 25,
  TANH: 28,
  CUSTOM: 32,
  PAD: 34,
  MEAN: 40,
  UNIDIRECTIONAL_SEQUENCE_LSTM: 44,
  BIDIRECTIONAL_SEQUENCE_LSTM: 52,
  QUANTIZE: 114,
} as const;

/** BuiltinOptions union indices. */
export const OPTIONS = {
  Conv2DOptions: 1,
  DepthwiseConv2DOptions: 2,
  Pool2DOptions: 5,
  FullyConnectedOptions: 8,
  SoftmaxOptions: 9,
  ConcatenationOptions: 10,
  AddOptions: 11,
  ReshapeOptions: 17,
  PadOptions: 22,
  ReducerOptions: 27,
} as const;

export const TENSOR_TYPE = { FLOAT32: 0, INT32: 2, UINT8: 3, INT64: 4, INT8: 9 } as const;
export const TENSOR_TYPE_NAMES: readonly string[] = [
  'FLOAT32',
  'FLOAT16',
  'INT32',
  'UINT8',
  'INT64',
  'STRING',
  'BOOL',
  'INT16',
  'COMPLEX64',
  'INT8',
  'FLOAT64',
  'COMPLEX128',
  'UINT64',
  'RESOURCE',
  'VARIANT',
  'UINT32',
  'UINT16',
  'INT4',
  'BFLOAT16',
];

/** Padding enum: SAME = 0, VALID = 1. */
export const PADDING_SAME = 0;
export const PADDING_VALID = 1;

/** ActivationFunctionType enum. */
export const ACTIVATION = { NONE: 0, RELU: 1, RELU_N1_TO_1: 2, RELU6: 3, TANH: 4, SIGN_BIT: 5 } as const;
