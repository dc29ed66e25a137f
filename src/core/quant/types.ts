/**
 * Float weights as training produces them: one Float32Array per weight, keyed by layer id and then by the
 * weight's tfjs name (`kernel`, `bias`, `depthwise_kernel`, `gamma`, `beta`, `moving_mean`,
 * `moving_variance`), row-major in tfjs's own layouts: Dense kernel [in, units]; Conv2D [kh, kw, inC,
 * filters]; DepthwiseConv2D [kh, kw, inC, depthMultiplier]; Conv1D [k, inC, filters].
 */
export type FloatWeights = Readonly<Record<string, Readonly<Record<string, Float32Array>>>>;

/** Asymmetric int8 quantization of one activation tensor: real = scale · (q − zeroPoint). */
export interface QuantParams {
  readonly scale: number;
  readonly zeroPoint: number;
  /** 16 for the int16 audio input of a Spectrogram (F-78): values then take two bytes, little-endian. */
  readonly bits?: 16;
}

/** How activation ranges are taken from the calibration samples (F-70). */
export interface CalibrationOptions {
  readonly method?: 'minmax' | 'percentile';
  /** For 'percentile': the share of values kept inside the range, e.g. 99.99 clips the outer 0.01 %. */
  readonly percentile?: number;
}

/** A closed interval of real values. */
export interface Range {
  readonly min: number;
  readonly max: number;
}
