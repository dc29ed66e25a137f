import { isMinnowError } from '../../core/errors.ts';
import type { DataLoaders } from '../datasets/load.ts';
import type { ErrorPayload, Request, WorkerMessage } from './protocol.ts';
import { TrainingSession } from './session.ts';

/** The worker side of a message port: a dedicated worker's global scope, or a MessagePort in tests. */
export interface ServerPort {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Request>) => void): void;
}

export function errorPayload(e: unknown): ErrorPayload {
  if (isMinnowError(e)) return { kind: 'minnow', id: e.id, details: e.details };
  return { kind: 'plain', message: e instanceof Error ? e.message : String(e) };
}

/** Answers every Request arriving on `port` with one Reply; session events are posted as they happen. */
export function serveSession(port: ServerPort, loaders: DataLoaders): TrainingSession {
  const session = new TrainingSession((event) => port.postMessage(event), loaders);
  port.addEventListener('message', (event) => {
    const request = event.data;
    const handler = session[request.call] as (args: unknown) => Promise<unknown>;
    handler
      .call(session, request.args)
      .then((result) => port.postMessage({ type: 'result', id: request.id, result }))
      .catch((e: unknown) => port.postMessage({ type: 'error', id: request.id, error: errorPayload(e) }));
  });
  return session;
}
