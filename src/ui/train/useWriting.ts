import { useCallback, useEffect, useRef, useState } from 'react';
import { tokensText } from '../../core/blob/utf8.ts';
import type { Program } from '../../core/reference/interpreter.ts';
import { writeText, type WriteRequest } from './writer.ts';

/** Tokens between two redraws: a few milliseconds of work on the reference interpreter. */
const BATCH = 8;

export interface Writing {
  /** The prompt the text continues. */
  readonly prompt: string;
  /** The generated text so far. */
  readonly text: string;
  readonly tokens: number;
  /** Tokens per second of computing, the pauses for drawing left out. */
  readonly rate: number | null;
  readonly running: boolean;
  readonly error: Error | null;
}

const IDLE: Writing = { prompt: '', text: '', tokens: 0, rate: null, running: false, error: null };

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Generation on the page over a prepared program, the text growing as it is written; one run at a time. */
export function useWriting(program: Program | null): {
  writing: Writing;
  generate: (request: WriteRequest) => void;
  stop: () => void;
} {
  const [writing, setWriting] = useState<Writing>(IDLE);
  const stopped = useRef(false);
  useEffect(
    () => () => {
      stopped.current = true;
    },
    [],
  );
  const generate = useCallback(
    (request: WriteRequest) => {
      if (!program) return;
      stopped.current = false;
      setWriting({ ...IDLE, prompt: request.prompt, running: true });
      writeText(program, request, {
        batch: BATCH,
        stopped: () => stopped.current,
        pause,
        now: () => performance.now(),
        onBatch: (tokens, ms) =>
          setWriting((w) => ({
            ...w,
            text: tokensText(tokens),
            tokens: tokens.length,
            rate: ms > 0 ? (1000 * tokens.length) / ms : null,
          })),
      }).then(
        () => setWriting((w) => ({ ...w, running: false })),
        (error: Error) => setWriting((w) => ({ ...w, running: false, error })),
      );
    },
    [program],
  );
  const stop = useCallback(() => {
    stopped.current = true;
  }, []);
  return { writing, generate, stop };
}
