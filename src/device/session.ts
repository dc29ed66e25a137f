import { readBlob } from '../core/blob/reader.ts';
import { isMinnowError, MinnowError } from '../core/errors.ts';
import type { BoardClient } from './board-client.ts';
import { checkBlobVersion, waitForInfo } from './board-info.ts';
import { generateOnBoard, runOnBoard } from './board-commands.ts';
import { ConsoleLink } from './console-link.ts';
import { ConsoleLog } from './console-log.ts';
import { explainFailure, offeredAction } from './explain.ts';
import type { ByteSource } from './forwarder-feed.ts';
import { flashBoard, type FlashRequest } from './flasher.ts';
import type { SerialLike, SerialPortLike } from './serial-types.ts';
import { StateStore, type DeviceState, type DeviceStatus } from './session-state.ts';
import { describePort } from './usb-bridges.ts';
import { validateOnDevice, type ValidationSample } from './validate.ts';

export type { DeviceState, DeviceStatus, Generation } from './session-state.ts';

export type FlashOptions = Omit<FlashRequest, 'port' | 'blob' | 'onProgress' | 'log' | 'signal'>;

/**
 * One board connection for the device panel, framework-free: port choice, the console (monitor + protocol
 * client) while nothing is flashing, flashing with progress and cancel, run, validate and generate. React
 * subscribes.
 */
export class DeviceSession extends StateStore<DeviceState> {
  private readonly console = new ConsoleLog();
  private port: SerialPortLike | undefined;
  private link: ConsoleLink | undefined;
  private abort: AbortController | undefined;
  private readonly dataListeners = new Set<(bytes: Uint8Array) => void>();
  private readonly lostListeners = new Set<() => void>();

  /** The console's bytes and the port's loss, for the data forwarder (ForwarderFeed). */
  readonly bytes: ByteSource = {
    onData: (listener) => {
      this.dataListeners.add(listener);
      return () => this.dataListeners.delete(listener);
    },
    onLost: (listener) => {
      this.lostListeners.add(listener);
      return () => this.lostListeners.delete(listener);
    },
  };

  constructor(private readonly serial: SerialLike) {
    super({ status: 'idle', suggestedMode: 'full', log: '' });
  }

  /** Asks the browser for a port, opens its console and asks the firmware for `info`. */
  async choosePort(): Promise<void> {
    await this.guard('connecting', async () => {
      await this.closeConsole();
      this.port = await this.serial.requestPort();
      this.set({ port: describePort(this.port.getInfo()), info: undefined, suggestedMode: 'full' });
      await this.openConsole();
      await this.probe();
    });
  }

  async refreshInfo(): Promise<void> {
    await this.guard('connecting', () => this.probe());
  }

  async flash(blob: Uint8Array, options: FlashOptions): Promise<void> {
    const port = this.port;
    if (!port) return this.fail(new MinnowError('NO_PORT_CHOSEN'));
    this.set({ progress: undefined, lastFlash: undefined });
    await this.guard('flashing', async () => {
      const info = this.getState().info;
      if (options.mode === 'model-only' && info) checkBlobVersion(info, readBlob(blob).header.version);
      await this.closeConsole();
      this.abort = new AbortController();
      try {
        const report = await flashBoard({
          ...options,
          port,
          blob,
          signal: this.abort.signal,
          onProgress: (progress) => this.set({ progress }),
          log: (line) => this.note(line),
        });
        this.set({
          lastFlash: report,
          ...(report.info ? { info: report.info, suggestedMode: 'model-only' } : {}),
        });
      } finally {
        this.abort = undefined;
        await this.openConsole().catch(() => undefined);
      }
    });
  }

  cancel(): void {
    this.abort?.abort();
  }

  async runSample(input: Int8Array): Promise<void> {
    await this.guard('running', async () => {
      this.set({ lastRun: await runOnBoard(this.requireClient(), input, this.getState().info) });
    });
  }

  async validate(blob: Uint8Array, samples: readonly ValidationSample[]): Promise<void> {
    await this.guard('validating', async () => {
      const info = this.getState().info;
      const onProgress = (done: number, total: number) => this.set({ validation: { done, total } });
      const report = await validateOnDevice(this.requireClient(), blob, samples, {
        ...(info ? { info } : {}),
        onProgress,
      });
      this.set({ validation: { done: samples.length, total: samples.length, report } });
    });
  }

  /** P-16 on the board: the tokens appear in `generation` one by one as the board sends them. */
  async generate(prompt: readonly number[], count: number): Promise<void> {
    this.set({ generation: { tokens: [] } });
    await this.guard('generating', async () => {
      const tokens: number[] = [];
      const onToken = (token: number) => {
        tokens.push(token);
        this.set({ generation: { tokens: tokens.slice() } });
      };
      const outcome = await generateOnBoard(
        this.requireClient(),
        prompt,
        count,
        onToken,
        this.getState().info,
      );
      this.set({ generation: { tokens: outcome.tokens, outcome } });
    });
  }

  async resetBoard(): Promise<void> {
    await this.link?.resetBoard();
  }

  clearLog(): void {
    this.console.clear();
    this.set({});
  }

  async disconnect(): Promise<void> {
    await this.closeConsole();
    for (const listener of this.lostListeners) listener();
    this.port = undefined;
    this.set({ status: 'idle', port: undefined, info: undefined, suggestedMode: 'full' });
  }

  /** The protocol client while the console is open (a sensor stream or the live test uses it). */
  get client(): BoardClient | undefined {
    return this.link?.client;
  }

  private requireClient(): BoardClient {
    if (!this.link) throw new MinnowError('NO_PORT_CHOSEN');
    return this.link.client;
  }

  private async probe(): Promise<void> {
    try {
      const info = await waitForInfo(this.requireClient(), 1500);
      this.set({ info, suggestedMode: 'model-only' });
    } catch (e) {
      if (!isMinnowError(e) || e.id !== 'BOARD_SILENT') throw e;
      this.note('No Minnow firmware answered: the first flash writes the full firmware.');
      this.set({ info: undefined, suggestedMode: 'full' });
    }
  }

  private async openConsole(): Promise<void> {
    if (!this.port || this.link) return;
    this.link = await ConsoleLink.open(this.port, {
      bytes: (chunk) => {
        this.console.bytes(chunk);
        for (const listener of this.dataListeners) listener(chunk);
        this.set({});
      },
      hello: (info) => this.set({ info, suggestedMode: 'model-only' }),
      lost: () => {
        this.link = undefined;
        for (const listener of this.lostListeners) listener();
        const lost = new DOMException('The device has been lost.', 'NetworkError');
        this.set({
          error: explainFailure(lost, { activity: 'the console was open', touched: [], lost: true }),
        });
      },
    });
  }

  private async closeConsole(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    await link?.close();
  }

  private note(line: string): void {
    this.console.note(line);
    this.set({});
  }

  private fail(e: unknown): void {
    const error = explainFailure(e, { activity: 'talking to the board', touched: [] });
    // The firmware on the board needs writing again: the mode the panel proposes follows.
    const full = offeredAction(error) === 'flash-everything';
    this.set({ status: 'ready', error, ...(full ? { suggestedMode: 'full' as const } : {}) });
  }

  private async guard(status: DeviceStatus, work: () => Promise<void>): Promise<void> {
    this.set({ status, error: undefined });
    try {
      await work();
      this.set({ status: this.port ? 'ready' : 'idle' });
    } catch (e) {
      this.fail(e);
      if (!this.port) this.set({ status: 'idle' });
    }
  }

  private set(change: Partial<DeviceState>): void {
    this.update({ ...change, log: this.console.value });
  }
}
