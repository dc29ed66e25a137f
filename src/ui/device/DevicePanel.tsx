import { useEffect, useMemo } from 'react';
import { readBlob } from '../../core/blob/reader.ts';
import type { FirmwareManifest } from '../../core/firmware/manifest.ts';
import type { BoardInfo } from '../../core/protocol/index.ts';
import { browserSerial, type SerialLike } from '../../device/serial-types.ts';
import { inputTensor, quantizeInput } from '../../device/validate.ts';
import { captureKindFor } from '../../train/datasets/captures.ts';
import { ErrorNote } from '../common/ErrorNote.tsx';
import { ExportFiles } from './ExportFiles.tsx';
import { FlashSection } from './FlashSection.tsx';
import { InfoCard } from './InfoCard.tsx';
import { MediaLiveCard } from './MediaLiveCard.tsx';
import { NoSerialDownloads } from './NoSerialDownloads.tsx';
import { PortSection } from './PortSection.tsx';
import { RunSample, type Sample } from './RunSample.tsx';
import { SensorSection } from './SensorSection.tsx';
import { SerialMonitor } from './SerialMonitor.tsx';
import type { TokenRate } from './token-rates.ts';
import { useDeviceSession } from './useDeviceSession.ts';
import { ValidateCard } from './ValidateCard.tsx';
import { WriteCard } from './WriteCard.tsx';
import './device.css';

export interface DevicePanelProps {
  /** The compiled model blob (docs/FORMAT.md); undefined until the model is quantized. */
  readonly blob?: Uint8Array;
  /** The catalog chip the project budgets for: a different board is refused before flashing. */
  readonly chipId: string;
  /** public/firmware/manifest.json, parsed; without it only "model only" and "use my own build" remain. */
  readonly manifest?: FirmwareManifest;
  /** URL of public/firmware/ relative to the page (default "firmware/"). */
  readonly firmwareBase?: string;
  /** Validation samples in the model's input shape, with labels for accuracy; feed run-a-sample and validate. */
  readonly samples?: readonly Sample[];
  readonly classNames?: readonly string[];
  /** The board's `info` whenever it changes (undefined on disconnect): the gauge takes its measured heap
   * figures from it (boardMemory() in src/device, then measuredChip() in src/core/chips). */
  readonly onBoardInfo?: (info: BoardInfo | undefined) => void;
  /** Web Serial; default navigator.serial. null means the browser has none (downloads are offered). */
  readonly serial?: SerialLike | null;
  /**
   * A token-stream model: the board writes text (P-16) instead of running samples and validating, and these
   * catalog estimates of its speed stand beside the measured one.
   */
  readonly write?: { readonly estimates: readonly TokenRate[] };
  /** The float model's scores for one real input: the live test shows its top class beside the int8 ones. */
  readonly floatScores?: (input: Float32Array) => readonly number[];
  /** The panel is on screen (default true): leaving it stops a live test that repeats. */
  readonly active?: boolean;
}

/** A camera or microphone model's input (D-13): the blob's input shape and what records it, or null. */
function mediaInputOf(blob: Uint8Array | undefined) {
  if (!blob) return null;
  const shape = inputTensor(readBlob(blob)).shape;
  const kind = captureKindFor(shape);
  return kind ? { kind, shape } : null;
}

function Connected(props: DevicePanelProps & { serial: SerialLike }) {
  const { blob, chipId, manifest, samples = [], classNames, onBoardInfo, write, active = true } = props;
  const { floatScores } = props;
  const firmwareBase = props.firmwareBase ?? 'firmware/';
  const [session, state] = useDeviceSession(props.serial);
  useEffect(() => onBoardInfo?.(state.info), [state.info, onBoardInfo]);
  const ready = state.status === 'ready' && state.info?.modelStatus === 0;
  const media = useMemo(() => mediaInputOf(blob), [blob]);
  const validation = useMemo(() => {
    if (!blob) return [];
    const parsed = readBlob(blob);
    return samples.map((s) => ({
      input: quantizeInput(parsed, s.values),
      ...(s.label === undefined ? {} : { label: s.label }),
    }));
  }, [blob, samples]);
  return (
    <>
      <PortSection
        state={state}
        chipId={chipId}
        onConnect={() => void session.choosePort()}
        onDisconnect={() => void session.disconnect()}
      />
      {state.error && <ErrorNote error={state.error} />}
      <FlashSection
        state={state}
        chipId={chipId}
        firmwareBase={firmwareBase}
        {...(blob ? { blob } : {})}
        {...(manifest ? { manifest } : {})}
        onFlash={(mode, firmwareFor) =>
          blob && void session.flash(blob, { mode, selectedChip: chipId, firmwareFor })
        }
        onCancel={() => session.cancel()}
      />
      <details className="device-exports">
        <summary>Files for esptool.py and ESP-IDF: the blob, its C header, the project, the command</summary>
        <ExportFiles
          chipId={chipId}
          firmwareBase={firmwareBase}
          {...(blob ? { blob } : {})}
          {...(manifest ? { manifest } : {})}
        />
      </details>
      {state.info && <InfoCard info={state.info} onRefresh={() => void session.refreshInfo()} />}
      {blob && state.info && write && (
        <WriteCard
          chipId={chipId}
          estimates={write.estimates}
          busy={state.status === 'generating'}
          disabled={!ready}
          onGenerate={(prompt, count) => void session.generate(prompt, count)}
          {...(state.generation ? { generation: state.generation } : {})}
        />
      )}
      {blob && state.info && !write && (
        <RunSample
          blob={blob}
          samples={samples}
          disabled={!ready}
          onRun={(input) => void session.runSample(input)}
          {...(classNames ? { classNames } : {})}
          {...(state.lastRun ? { lastRun: state.lastRun } : {})}
        />
      )}
      {blob && state.info && !write && (
        <ValidateCard
          state={state}
          available={validation.length}
          disabled={!ready}
          onValidate={(n) => void session.validate(blob, validation.slice(0, n))}
        />
      )}
      {blob && state.info && !write && media && (
        <MediaLiveCard
          {...media}
          blob={blob}
          client={session.client}
          info={state.info}
          ready={ready}
          active={active}
          classNames={classNames}
          floatScores={floatScores}
        />
      )}
      {!write && (
        <SensorSection
          session={session}
          state={state}
          liveTest={!media}
          {...(blob ? { blob } : {})}
          {...(classNames ? { classNames } : {})}
        />
      )}
      <SerialMonitor
        log={state.log}
        onClear={() => session.clearLog()}
        onReset={() => void session.resetBoard()}
        canReset={state.status === 'ready'}
      />
    </>
  );
}

/**
 * The board: connect, flash (model only once Minnow firmware runs), monitor, info, then run and validate on it,
 * or, for a token-stream model, write text on it.
 */
export function DevicePanel(props: DevicePanelProps) {
  const serial = props.serial === undefined ? browserSerial() : (props.serial ?? undefined);
  return (
    <section className="panel device-panel" aria-labelledby="device-title">
      <div className="panel-head">
        <h2 id="device-title" className="panel-title">
          Board
        </h2>
      </div>
      {serial ? (
        <Connected {...props} serial={serial} />
      ) : (
        <NoSerialDownloads
          chipId={props.chipId}
          firmwareBase={props.firmwareBase ?? 'firmware/'}
          {...(props.blob ? { blob: props.blob } : {})}
          {...(props.manifest ? { manifest: props.manifest } : {})}
        />
      )}
    </section>
  );
}
