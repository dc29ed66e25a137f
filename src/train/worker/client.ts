import { MinnowError } from '../../core/errors.ts';
import type {
  ArgsOf,
  CallName,
  ErrorPayload,
  Request,
  ResultOf,
  WorkerEvent,
  WorkerMessage,
} from './protocol.ts';

/** The page side of a message port: a Worker, or a MessagePort in tests. */
export interface ClientPort {
  postMessage(message: Request): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerMessage>) => void): void;
  terminate?(): void;
  close?(): void;
}

export function errorFromPayload(error: ErrorPayload): Error {
  return error.kind === 'minnow' ? new MinnowError(error.id, error.details) : new Error(error.message);
}

/** Typed calls to the training worker: each returns a promise of its result; events go to listeners. */
export class TrainingClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(event: WorkerEvent) => void>();

  constructor(private readonly port: ClientPort) {
    port.addEventListener('message', (event) => this.receive(event.data));
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'result' || message.type === 'error') {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'result') waiting?.resolve(message.result);
      else waiting?.reject(errorFromPayload(message.error));
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  call<K extends CallName>(call: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
    const id = this.nextId++;
    return new Promise<ResultOf<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.port.postMessage({ id, call, args } as Request);
    });
  }

  /** Listens to training events; returns the function that stops listening. */
  onEvent(listener: (event: WorkerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Rejects every call still waiting, as when the worker dies (a crash, or out of memory). */
  fail(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  dispose(): void {
    this.fail(new Error('the training worker was closed'));
    this.listeners.clear();
    this.port.terminate?.();
    this.port.close?.();
  }
}

/** Starts the training worker (a module worker that Vite bundles with tfjs). */
export function startTrainingWorker(): TrainingClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'minnow-training',
  });
  const client = new TrainingClient(worker);
  worker.addEventListener('error', (e) =>
    client.fail(new Error(`the training worker failed: ${e.message || 'no reason given'}`)),
  );
  return client;
}
