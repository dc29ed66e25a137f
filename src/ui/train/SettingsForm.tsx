import type { WeightPacking } from '../../core/model/types.ts';
import { OPTIMIZERS, type TrainSettings } from '../../train/session/settings.ts';
import { NumberField } from './NumberField.tsx';
import { quantAwareNote } from './quant-note.ts';

/**
 * Optimizer, learning rate, batch size, epochs, validation share, early stopping and quantization-aware
 * training (`packings`: the model's layers packed below int8, named in its explanation).
 */
export function SettingsForm({
  settings,
  disabled,
  onChange,
  packings = {},
}: {
  settings: TrainSettings;
  disabled: boolean;
  onChange: (s: TrainSettings) => void;
  packings?: Readonly<Record<string, WeightPacking>>;
}) {
  const set = (patch: Partial<TrainSettings>) => onChange({ ...settings, ...patch });
  const early = settings.earlyStopping;
  return (
    <fieldset className="train-settings" disabled={disabled}>
      <legend>Settings</legend>
      <label htmlFor="train-optimizer">
        Optimizer
        <select
          id="train-optimizer"
          value={settings.optimizer}
          onChange={(e) => set({ optimizer: e.target.value as TrainSettings['optimizer'] })}
        >
          {OPTIMIZERS.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <NumberField
        id="train-lr"
        label="Learning rate"
        value={settings.learningRate}
        step={0.0001}
        min={0}
        disabled={disabled}
        onChange={(learningRate) => set({ learningRate })}
      />
      <NumberField
        id="train-batch"
        label="Batch size"
        value={settings.batchSize}
        step={1}
        min={1}
        max={4096}
        disabled={disabled}
        onChange={(batchSize) => set({ batchSize })}
      />
      <NumberField
        id="train-epochs"
        label="Epochs"
        value={settings.epochs}
        step={1}
        min={1}
        disabled={disabled}
        onChange={(epochs) => set({ epochs })}
      />
      <NumberField
        id="train-validation"
        label="Validation share"
        value={settings.validationSplit}
        step={0.05}
        min={0.05}
        max={0.5}
        disabled={disabled}
        onChange={(validationSplit) => set({ validationSplit })}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={early.enabled}
          onChange={(e) => set({ earlyStopping: { ...early, enabled: e.target.checked } })}
        />
        Stop early
      </label>
      {early.enabled && (
        <NumberField
          id="train-patience"
          label="after epochs without progress"
          value={early.patience}
          step={1}
          min={1}
          disabled={disabled}
          onChange={(patience) => set({ earlyStopping: { ...early, patience } })}
        />
      )}
      <div className="setting-wide">
        <label className="check" htmlFor="train-quant-aware">
          <input
            id="train-quant-aware"
            type="checkbox"
            checked={settings.quantAware}
            aria-describedby="train-quant-aware-note"
            onChange={(e) => set({ quantAware: e.target.checked })}
          />
          Quantization-aware training
        </label>
        <p id="train-quant-aware-note" className="muted">
          {quantAwareNote(packings)}
        </p>
      </div>
    </fieldset>
  );
}
