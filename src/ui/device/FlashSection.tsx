import { useState } from 'react';
import { findBuild, type FirmwareManifest } from '../../core/firmware/manifest.ts';
import { chipLabel, firmwareChip } from '../../device/chip-names.ts';
import { offeredAction } from '../../device/explain.ts';
import { firmwareDifference, manifestPromise } from '../../device/firmware-check.ts';
import {
  fetchFromBase,
  manifestFirmware,
  type FirmwareFor,
  type FirmwareImage,
} from '../../device/firmware-image.ts';
import type { FlashMode } from '../../device/flash-plan.ts';
import type { DeviceState } from '../../device/session.ts';
import { BoardChecklist } from './BoardChecklist.tsx';
import { FlashProgressList } from './FlashProgressList.tsx';
import { ErrorNote } from '../common/ErrorNote.tsx';
import { Notice } from '../common/Notice.tsx';
import { OwnBuildPicker } from './OwnBuildPicker.tsx';

interface Props {
  readonly state: DeviceState;
  readonly blob?: Uint8Array;
  readonly chipId: string;
  readonly manifest?: FirmwareManifest;
  readonly firmwareBase: string;
  readonly onFlash: (mode: FlashMode, firmwareFor: FirmwareFor) => void;
  readonly onCancel: () => void;
}

/** Mode choice (model only by default on a board running Minnow), the no-build case, flash and its progress. */
export function FlashSection({ state, blob, chipId, manifest, firmwareBase, onFlash, onCancel }: Props) {
  const [override, setOverride] = useState<FlashMode>();
  const [own, setOwn] = useState<FirmwareImage>();
  const [wantOwn, setWantOwn] = useState(false);
  const build = manifest && findBuild(manifest, firmwareChip(chipId));
  const hasBuild = build !== undefined;
  // The chip has builds, but none for the board's revision (M-16): an own build is the way on.
  const noRevisionBuild = state.error?.id === 'NO_BUILD_FOR_REVISION';
  const mode = override ?? (hasBuild || own ? state.suggestedMode : 'model-only');
  const flashing = state.status === 'flashing';
  const firmwareFor: FirmwareFor = async (chip, revision) => {
    if (own) return own;
    if (!manifest) return undefined;
    const fetchFile = fetchFromBase(new URL(firmwareBase, document.baseURI).href);
    return manifestFirmware(manifest, fetchFile)(chip, revision);
  };
  // F: a board that answers with another firmware than this app ships is told so, and offered a reflash.
  const promise = manifest && state.info ? manifestPromise(manifest, state.info.chip) : undefined;
  const differs = promise && state.info ? firmwareDifference(state.info, promise) : undefined;
  return (
    <div className="device-flash">
      {differs && (
        <Notice tone="error" testId="firmware-differs">
          <ErrorNote error={differs} />
          <button
            type="button"
            disabled={!blob || !state.port || state.status !== 'ready'}
            onClick={() => {
              setOverride('full');
              onFlash('full', firmwareFor);
            }}
          >
            Reflash the firmware
          </button>
        </Notice>
      )}
      {offeredAction(state.error) === 'flash-everything' && (
        <Notice testId="flash-everything">
          <p>The board&apos;s firmware is not what the build holds: write firmware and model together.</p>
          <button
            type="button"
            className="primary"
            disabled={!blob || !state.port || state.status !== 'ready' || (!hasBuild && !own)}
            onClick={() => {
              setOverride('full');
              onFlash('full', firmwareFor);
            }}
          >
            Flash everything
          </button>
        </Notice>
      )}
      {(!hasBuild || noRevisionBuild || own) && (
        <Notice testId="no-firmware">
          {!hasBuild && <p>This Minnow has no firmware build for {chipLabel(chipId)}.</p>}
          <div className="device-row">
            <button type="button" onClick={() => setWantOwn(true)}>
              Use my own firmware build
            </button>
            <button type="button" onClick={() => setOverride('model-only')}>
              Model only
            </button>
          </div>
          {(wantOwn || own) && <OwnBuildPicker onImage={setOwn} />}
        </Notice>
      )}
      <fieldset className="device-mode" disabled={flashing}>
        <legend>What to write</legend>
        <label>
          <input
            type="radio"
            name="flash-mode"
            checked={mode === 'model-only'}
            onChange={() => setOverride('model-only')}
          />
          Update model only (the board keeps its firmware)
        </label>
        <label>
          <input
            type="radio"
            name="flash-mode"
            checked={mode === 'full'}
            disabled={!hasBuild && !own}
            onChange={() => setOverride('full')}
          />
          Firmware and model
        </label>
      </fieldset>
      <div className="device-row">
        <button
          type="button"
          className="primary"
          disabled={!blob || !state.port || state.status !== 'ready'}
          onClick={() => onFlash(mode, firmwareFor)}
        >
          Flash
        </button>
        {flashing && (
          <button type="button" className="danger" onClick={onCancel}>
            Cancel
          </button>
        )}
        {!blob && <span className="muted">Quantize the model first: there is no blob to flash yet.</span>}
      </div>
      {state.progress && <FlashProgressList progress={state.progress} />}
      {state.lastFlash && !state.lastFlash.info && build?.flavour === 'bare-metal' && (
        <BoardChecklist chipId={chipId} />
      )}
    </div>
  );
}
