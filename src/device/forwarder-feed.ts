import { isMinnowError, MinnowError } from '../core/errors.ts';
import {
  defaultChannelNames,
  checkChannelNames,
  ForwarderParser,
  RateMeter,
  Recorder,
  recordingsCsv,
  type Recording,
} from '../core/forwarder/index.ts';
import { imuUnits, type ImuRequest } from '../core/protocol/index.ts';
import type { BoardClient } from './board-client.ts';
import { streamImu, type ImuStream } from './imu-stream.ts';
import { StateStore } from './session-state.ts';

/** The board's console bytes, and word when its port goes away (DeviceSession provides both). */
export interface ByteSource {
  onData(listener: (bytes: Uint8Array) => void): () => void;
  onLost(listener: () => void): () => void;
}

export interface FeedState {
  /** What feeds samples now: printed lines (any sketch) or the Minnow firmware's `imu` stream. */
  readonly running?: 'lines' | 'imu';
  readonly channels: readonly string[];
  readonly rateHz?: number;
  readonly samples: number;
  readonly bad: number;
  readonly lastBad?: string;
  readonly recording?: { readonly label: string; readonly samples: number };
  readonly recordings: readonly Recording[];
  /** A plain message about what happened to the source (lost port, the board's error); nothing is lost. */
  readonly notice?: MinnowError;
}

/**
 * The Board tab's data forwarder (docs/SENSORS.md S-1 … S-8), framework-free: a source of samples, the rate
 * as received, channel names, and labelled recordings that export as the IMU recording CSV.
 */
export class ForwarderFeed extends StateStore<FeedState> {
  private readonly recorder = new Recorder();
  private meter = new RateMeter();
  private detach: (() => void)[] = [];
  private stream: ImuStream | undefined;
  private setRateHz: number | undefined;
  /** Values per sample, once the source has fixed it (S-3); names must then match it. */
  private width: number | undefined;

  constructor(private readonly clock: () => number = () => performance.now()) {
    super({ channels: [], samples: 0, bad: 0, recordings: [] });
  }

  /** Reads printed lines of numbers from the console bytes. */
  startLines(source: ByteSource): void {
    this.reset('lines');
    const parser = new ForwarderParser();
    this.detach.push(
      source.onData((bytes) => {
        const samples = parser.push(bytes);
        const { bad, lastBad, channels } = parser.state;
        this.take(samples, channels);
        this.update({ bad, ...(lastBad ? { lastBad } : {}) });
      }),
      source.onLost(() => this.lost()),
    );
  }

  /** Streams the MPU-6050 through the Minnow firmware (P-19), in g and °/s. */
  startImu(client: BoardClient, request: ImuRequest, source?: ByteSource): void {
    this.reset('imu');
    this.setRateHz = request.rateHz;
    const { accelRange, gyroRange } = request;
    const stream = streamImu(client, request, (batch) =>
      this.take(
        batch.samples.map((s) => imuUnits(s, accelRange, gyroRange)),
        6,
      ),
    );
    this.stream = stream;
    if (source) this.detach.push(source.onLost(() => this.lost()));
    // Once stopped or lost, the stream's own end is old news.
    stream.done.then(
      () => this.stream === stream && this.ended(),
      (e: unknown) => this.stream === stream && this.ended(e),
    );
  }

  /** Ends the source; a recording in progress is kept. */
  async stopSource(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    await stream?.stop().catch(() => undefined);
    this.ended();
  }

  record(label: string): void {
    this.recorder.start(label);
    this.sync();
  }

  stopRecording(): void {
    this.recorder.stop(this.setRateHz);
    this.sync();
  }

  /** Names typed by a person; refused with E554 (nothing changes) when training could not read them. */
  setChannels(names: readonly string[]): void {
    checkChannelNames(names);
    const have = this.getState().channels.length;
    if (this.width !== undefined && names.length !== have)
      throw new MinnowError('FORWARDER_CHANNEL_COUNT', { have, given: names.length });
    this.update({ channels: [...names] });
  }

  remove(index: number): void {
    this.recorder.remove(index);
    this.sync();
  }

  /** The recordings as docs/DATA.md D-4 CSV. */
  csv(): string {
    return recordingsCsv(this.getState().channels, this.recorder.recordings);
  }

  /** The latest `steps` samples (the live window), or fewer when fewer came. */
  recent(steps: number): number[][] {
    return this.recorder.recent(steps);
  }

  private take(samples: number[][], channels: number | undefined): void {
    const now = this.clock();
    if (samples.length > 0) this.meter.add(now, samples.length);
    this.recorder.add(samples, now);
    const named = this.getState().channels;
    if (channels !== undefined) this.width = channels;
    const hz = this.setRateHz ?? this.meter.hz();
    this.update({
      samples: this.getState().samples + samples.length,
      ...(channels && named.length !== channels ? { channels: defaultChannelNames(channels) } : {}),
      ...(hz === undefined ? {} : { rateHz: hz }),
    });
    this.sync();
  }

  private lost(): void {
    const notice = this.recorder.lost(this.setRateHz);
    this.stream = undefined;
    this.ended();
    this.update({ notice });
  }

  /** The source ended; an error (the board's, or a port that failed under a write) becomes the notice. */
  private ended(error?: unknown): void {
    if (error !== undefined && !isMinnowError(error)) return this.lost();
    this.recorder.stop(this.setRateHz);
    for (const off of this.detach.splice(0)) off();
    this.stream = undefined;
    this.update({ running: undefined, ...(isMinnowError(error) ? { notice: error } : {}) });
    this.sync();
  }

  private reset(running: 'lines' | 'imu'): void {
    for (const off of this.detach.splice(0)) off();
    this.meter = new RateMeter();
    this.setRateHz = undefined;
    this.width = undefined;
    this.update({ running, samples: 0, bad: 0, lastBad: undefined, rateHz: undefined, notice: undefined });
  }

  private sync(): void {
    this.update({ recording: this.recorder.recording, recordings: this.recorder.recordings });
  }
}
