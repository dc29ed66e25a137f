/** What to use instead of a Keras layer Minnow does not run, by class name; anything else gets the list. */
const INSTEAD: Readonly<Record<string, string>> = {
  LSTM: 'LSTM: not supported; GRU is: retrain with GRU(units, reset_after=False).',
  SimpleRNN: 'SimpleRNN: not supported; GRU is: retrain with GRU(units, reset_after=False).',
  Bidirectional: 'Minnow runs a forward GRU; retrain with one GRU(units, reset_after=False).',
  ConvLSTM2D: 'Minnow has no recurrent convolution; use Conv2D layers, or a GRU over flattened frames.',
  Conv2DTranspose: 'Minnow has no transposed convolution; it runs classifiers and regressors, not decoders.',
  Conv3D: 'Minnow runs Conv1D and Conv2D; reshape the data to 2D.',
  UpSampling2D: 'Minnow has no upsampling; it runs classifiers and regressors, not decoders.',
  LeakyReLU: 'Minnow runs ReLU, ReLU6, sigmoid, tanh and softmax; retrain with ReLU.',
  PReLU: 'Minnow runs ReLU, ReLU6, sigmoid, tanh and softmax; retrain with ReLU.',
  ELU: 'Minnow runs ReLU, ReLU6, sigmoid, tanh and softmax; retrain with ReLU.',
  ThresholdedReLU: 'Minnow runs ReLU, ReLU6, sigmoid, tanh and softmax; retrain with ReLU.',
  Multiply: 'Add and Concatenate are the merges Minnow runs.',
  Subtract: 'Add and Concatenate are the merges Minnow runs.',
  Average: 'Add and Concatenate are the merges Minnow runs (an Add then a scale in the next layer averages).',
  Maximum: 'Add and Concatenate are the merges Minnow runs.',
  Minimum: 'Add and Concatenate are the merges Minnow runs.',
  Dot: 'Add and Concatenate are the merges Minnow runs.',
  LayerNormalization: 'Minnow folds BatchNormalization only; retrain with BatchNormalization.',
  MultiHeadAttention: 'Minnow has no attention; use Conv1D or a GRU.',
  TimeDistributed: 'Minnow has no wrappers; Dense on a sequence already acts on each step.',
  Permute: 'Minnow reorders no axes; export the data in channels-last order.',
  RepeatVector: 'Minnow has no repeat layer.',
  Cropping2D: 'Crop the input before it reaches the model.',
  ZeroPadding1D: 'Use padding "same" on the Conv1D after it.',
  Lambda: 'A Lambda runs Python code, which no exported model carries; rebuild it from standard layers.',
};

export const IMPORTED_CLASSES =
  'InputLayer, Dense, Conv2D, Conv1D, DepthwiseConv2D, SeparableConv2D, MaxPooling2D, MaxPooling1D, AveragePooling2D, AveragePooling1D, GlobalAveragePooling2D, GlobalAveragePooling1D, GlobalMaxPooling2D, GlobalMaxPooling1D, Flatten, Reshape, Dropout, BatchNormalization, Activation, ReLU, Softmax, Add, Concatenate, Embedding, GRU, ZeroPadding2D, Rescaling, Normalization and nested models';

export function insteadOf(className: string): string {
  return INSTEAD[className] ?? `Minnow imports ${IMPORTED_CLASSES}; rebuild this part from those.`;
}
