import { channelLevels, type WeightPacking } from '../../core/quant/packing.ts';

/**
 * The values a kernel takes once compiled with `packing` and read back: level × scale per output channel,
 * from the compiler's own quantizer so that training sees exactly the grid the board runs. Kernels are in
 * tfjs layout, output channel on the fastest axis (i mod channels); the per-channel accumulation order is
 * the one the compiler uses on its channels-first copy, so the ternary means agree to the last bit.
 */
export function quantizeGrid(packing: WeightPacking, kernel: Float32Array, channels: number): Float32Array {
  const { levels, scales } = channelLevels(packing, kernel, channels, (i) => i % channels);
  return Float32Array.from(levels, (level, i) => level * (scales[i % channels] as number));
}
