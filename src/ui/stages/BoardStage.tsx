import { useCallback, useMemo } from 'react';
import type { BoardInfo } from '../../core/protocol/index.ts';
import { boardMemory } from '../../device/board-info.ts';
import { blobFile } from '../../device/downloads.ts';
import { ProblemMessage } from '../common/ProblemMessage.tsx';
import { DevicePanel } from '../device/DevicePanel.tsx';
import type { Sample } from '../device/RunSample.tsx';
import { formatBytes, saveFile } from '../device/save-file.ts';
import { estimateTokenRates } from '../device/token-rates.ts';
import { useActions, useModel, useProject } from '../hooks/useEditor.ts';
import { calibrationText } from './calibration-source.ts';
import type { CompiledModel } from './compiled-model.ts';
import { useFirmwareManifest } from './useFirmwareManifest.ts';

const FIRMWARE_BASE = 'firmware/';

function Source({ compiled }: { compiled: Extract<CompiledModel, { status: 'ok' }> }) {
  const weights = compiled.trained ? 'trained weights' : 'untrained (random) weights';
  return (
    <p className={`blob-source${compiled.trained ? '' : ' untrained'}`} data-testid="blob-source">
      Model for the board: <strong>{weights}</strong>, int8, {calibrationText(compiled)} ·{' '}
      {formatBytes(compiled.blob.length)} · CRC <code data-testid="blob-crc">{compiled.crc}</code>{' '}
      <button type="button" onClick={() => saveFile(blobFile(compiled.blob))}>
        Download the model blob
      </button>
    </p>
  );
}

interface Props {
  readonly samples: readonly Sample[];
  /** The blob compiled once for the Train and Board tabs. */
  readonly compiled: CompiledModel;
  /** The Train tab's class labels from the last run of this model, for the board's predictions. */
  readonly classNames?: readonly string[] | undefined;
  /** The tab is shown: leaving it stops a live test that repeats. */
  readonly active?: boolean;
}

/** The board: the open model compiled with its weights, flashed, checked and run through the device panel. */
export default function BoardStage({ samples, compiled, classNames, active = true }: Props) {
  const spec = useModel();
  const { chipId } = useProject();
  const { setBoard } = useActions();
  const manifest = useFirmwareManifest(FIRMWARE_BASE);
  const tokenStream = compiled.status === 'ok' && compiled.tokenStream;
  const write = useMemo(
    () => (tokenStream ? { estimates: estimateTokenRates(spec) } : undefined),
    [tokenStream, spec],
  );
  const onBoardInfo = useCallback(
    (info: BoardInfo | undefined) => setBoard(info ? boardMemory(info) : null),
    [setBoard],
  );
  return (
    <div className="board-stage">
      {compiled.status === 'empty' && (
        <p className="empty">Add layers to the network to put it on a board.</p>
      )}
      {compiled.status === 'error' && <ProblemMessage error={compiled.error} showLayer={false} />}
      {compiled.status === 'ok' && <Source compiled={compiled} />}
      <DevicePanel
        chipId={chipId}
        firmwareBase={FIRMWARE_BASE}
        samples={samples}
        onBoardInfo={onBoardInfo}
        active={active}
        {...(classNames ? { classNames } : {})}
        {...(compiled.status === 'ok' ? { blob: compiled.blob } : {})}
        {...(compiled.status === 'ok' && compiled.floatScores ? { floatScores: compiled.floatScores } : {})}
        {...(manifest ? { manifest } : {})}
        {...(write ? { write } : {})}
      />
    </div>
  );
}
