import type { Prediction } from '../../train/worker/protocol.ts';
import { argmax } from '../../train/quantize/metrics.ts';
import { manyClasses, topIndices } from './classes.ts';

/** Bars shown when there are too many classes for one each: the float model's likeliest. */
const TOP = 10;

/**
 * Float and int8 outputs side by side: one pair of bars per class (the likeliest ten when there are many),
 * the top class of each named.
 */
export function PredictionBars({ prediction, names }: { prediction: Prediction; names: readonly string[] }) {
  const { float, int8 } = prediction;
  const label = (i: number) => names[i] ?? String(i);
  if (names.length === 0 || float.length === 1) {
    return (
      <p className="prediction" data-testid="prediction">
        float <strong>{float[0]?.toFixed(4)}</strong> · int8{' '}
        <strong>{int8 ? int8[0]?.toFixed(4) : '– (quantize first)'}</strong>
      </p>
    );
  }
  const top = Math.max(1e-9, ...float, ...(int8 ?? []));
  const shown = manyClasses(float.length) ? topIndices(float, TOP) : Array.from(float, (_, i) => i);
  return (
    <div className="prediction" data-testid="prediction">
      <p>
        float says <strong data-testid="float-class">{label(argmax(float))}</strong> · int8 says{' '}
        <strong data-testid="int8-class">{int8 ? label(argmax(int8)) : '– (quantize first)'}</strong>
      </p>
      <table className="prediction-bars">
        <tbody>
          {shown.map((i) => (
            <tr key={i}>
              <th scope="row">{label(i)}</th>
              <td className="balance-bar">
                <span
                  style={{ width: `${(100 * Math.max(0, float[i] ?? 0)) / top}%` }}
                  title={`float ${(float[i] ?? 0).toFixed(3)}`}
                />
                {int8 && (
                  <span
                    className="int8"
                    style={{ width: `${(100 * Math.max(0, int8[i] ?? 0)) / top}%` }}
                    title={`int8 ${(int8[i] ?? 0).toFixed(3)}`}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
