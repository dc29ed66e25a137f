import { formatShape } from '../../core/model/types.ts';
import { useActions, useModel } from '../hooks/useEditor.ts';
import { textToValue, valueToText } from './param-value.ts';
import { TextField } from './TextField.tsx';

const isShape = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length >= 1 && v.length <= 4 && v.every((d) => Number.isInteger(d) && d > 0);

/** The model input's shape, without the batch axis: [28, 28, 1] for a grayscale 28x28 image. */
export function InputForm() {
  const spec = useModel();
  const { setInputShape } = useActions();
  const apply = (text: string): string | undefined => {
    const value = textToValue(text, 'shape');
    const shape = typeof value === 'number' ? [value] : value;
    if (!isShape(shape)) return 'Give 1 to 4 positive whole numbers, such as 28, 28, 1.';
    setInputShape(shape);
    return undefined;
  };
  return (
    <div className="form">
      <TextField
        id="input-shape"
        label="Input shape"
        value={valueToText(spec.input.shape)}
        hint="Height, width, channels for an image (28, 28, 1); samples, channels for a signal; or a length."
        onChange={(text) => void apply(text)}
      />
      <p className="note">Current: {formatShape(spec.input.shape)}</p>
    </div>
  );
}
