import type { LayerError } from '../../train/quantize/per-layer.ts';

/** Each layer's int8 error against float, and how much of it the layer adds; the worst layer stands out. */
export function LayerErrors({
  layers,
  worst,
  onShowLayer,
}: {
  layers: readonly LayerError[];
  worst: string | null;
  onShowLayer?: (id: string) => void;
}) {
  const most = Math.max(1e-9, ...layers.map((l) => l.error));
  return (
    <table className="layer-errors" data-testid="layer-errors">
      <caption>
        Error of each layer's int8 output against float{worst ? '; ' : ''}
        {worst && (
          <span data-testid="worst-layer">
            most is added by <strong>{worst}</strong>
          </span>
        )}
      </caption>
      <thead>
        <tr>
          <th scope="col">layer</th>
          <th scope="col">relative error</th>
          <th scope="col">added</th>
        </tr>
      </thead>
      <tbody>
        {layers.map((l) => (
          <tr key={l.layerId} className={l.layerId === worst ? 'worst' : undefined}>
            <th scope="row">
              {onShowLayer ? (
                <button type="button" className="link" onClick={() => onShowLayer(l.layerId)}>
                  {l.layerId}
                </button>
              ) : (
                l.layerId
              )}{' '}
              <span className="muted">{l.type}</span>
            </th>
            <td className="balance-bar">
              <span style={{ width: `${(100 * l.error) / most}%` }} />
              <span className="fig">{(100 * l.error).toFixed(2)} %</span>
            </td>
            <td className="fig">{(100 * l.added).toFixed(2)} %</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
