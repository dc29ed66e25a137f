import { encodeUtf8 } from '../../core/blob/utf8.ts';
import { TEXT_WINDOW, textStride, windowCount } from '../../train/datasets/text.ts';
import type { DataSource } from '../../train/worker/protocol.ts';

export interface CorpusSize {
  readonly bytes: number;
  readonly characters: number;
  readonly window: number;
  readonly stride: number;
  /** Windows of `window` bytes, each labelled with the byte after it. */
  readonly windows: number;
}

/** What a text makes: its size and how many training windows the worker cuts from it. */
export function measureCorpus(text: string): CorpusSize {
  const bytes = encodeUtf8(text).length;
  const stride = textStride(bytes, TEXT_WINDOW);
  return {
    bytes,
    characters: [...text].length,
    window: TEXT_WINDOW,
    stride,
    windows: windowCount(bytes, TEXT_WINDOW, stride),
  };
}

/** The worker's text source; it cuts windows as measureCorpus counts them (its default window and stride). */
export function textSource(name: string, text: string): DataSource {
  return { kind: 'text', name, text };
}

/** The part of Storage the corpus box uses (localStorage in the page; a map in tests). */
export type CorpusStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const corpusKey = (id: string) => `minnow.train-text.${id}`;

/** The text kept for a project, or '' when none is (or storage cannot be read, as in private windows). */
export function loadCorpus(storage: CorpusStorage | null, id: string): string {
  try {
    return storage?.getItem(corpusKey(id)) ?? '';
  } catch {
    return '';
  }
}

/** Keeps the text for a project; false when storage refuses it (full, or switched off). */
export function saveCorpus(storage: CorpusStorage | null, id: string, text: string): boolean {
  try {
    if (!storage) return false;
    if (text === '') storage.removeItem(corpusKey(id));
    else storage.setItem(corpusKey(id), text);
    return true;
  } catch {
    return false;
  }
}

/** The page's localStorage where there is one and it may be used. */
export function pageStorage(): CorpusStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
