import { openMedia, stopMedia } from './media-errors.ts';

export type BlockListener = (block: Float32Array, rate: number) => void;

/**
 * The microphone as blocks of samples at the device's rate. A ScriptProcessorNode delivers them on the
 * main thread: simple, in every browser, and a few blocks a second are no load for the page.
 */
export class MicStream {
  private readonly listeners = new Set<BlockListener>();

  private constructor(
    private readonly stream: MediaStream,
    private readonly context: AudioContext,
    private readonly node: ScriptProcessorNode,
  ) {
    node.onaudioprocess = (e) => {
      const block = e.inputBuffer.getChannelData(0);
      this.listeners.forEach((l) => l(block, context.sampleRate));
    };
  }

  /** Opens the microphone, or throws the coded error that says why not (E700–E703). */
  static async open(): Promise<MicStream> {
    const stream = await openMedia('microphone', navigator.mediaDevices);
    const context = new AudioContext();
    const node = context.createScriptProcessor(4096, 1, 1);
    context.createMediaStreamSource(stream).connect(node);
    // A processor only runs when connected onwards; its output is silence.
    node.connect(context.destination);
    await context.resume();
    return new MicStream(stream, context, node);
  }

  get rate(): number {
    return this.context.sampleRate;
  }

  listen(listener: BlockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.node.disconnect();
    stopMedia(this.stream);
    void this.context.close();
  }
}
