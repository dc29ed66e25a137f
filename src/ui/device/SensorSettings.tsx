import type { ImuRequest } from '../../core/protocol/index.ts';

/** The MPU-6050 stream's settings (P-19): rate, wiring and address. Ranges stay at ±2 g and ±250 °/s. */
export function SensorSettings(props: { request: ImuRequest; onChange: (request: ImuRequest) => void }) {
  const { request, onChange } = props;
  const field = (name: 'rateHz' | 'sdaGpio' | 'sclGpio', label: string, max: number) => (
    <label>
      {label}{' '}
      <input
        type="number"
        min={name === 'rateHz' ? 1 : 0}
        max={max}
        value={request[name]}
        onChange={(e) => onChange({ ...request, [name]: Number(e.target.value) })}
      />
    </label>
  );
  return (
    <div className="device-row">
      {field('rateHz', 'Samples per second', 1000)}
      {field('sdaGpio', 'SDA GPIO', 63)}
      {field('sclGpio', 'SCL GPIO', 63)}
      <label>
        Address{' '}
        <select
          value={request.address}
          onChange={(e) => onChange({ ...request, address: Number(e.target.value) })}
        >
          <option value={0x68}>0x68 (AD0 low)</option>
          <option value={0x69}>0x69 (AD0 high)</option>
        </select>
      </label>
    </div>
  );
}
