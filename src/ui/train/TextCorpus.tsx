import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { MAX_TEXT_BYTES } from '../../train/datasets/text.ts';
import type { DataSource } from '../../train/worker/protocol.ts';
import { SAMPLE_TEXT } from './sample-text.ts';
import {
  loadCorpus,
  measureCorpus,
  pageStorage,
  saveCorpus,
  textSource,
  type CorpusSize,
} from './text-corpus.ts';

interface TextCorpusProps {
  /** Names the project: the text is kept under it, so a reload finds it again. */
  readonly storageKey: string;
  readonly disabled: boolean;
  /** True while the worker is ready and holds no data: a kept text is then loaded by itself, once. */
  readonly autoLoad: boolean;
  readonly onLoad: (source: DataSource) => void;
}

const count = (n: number) => n.toLocaleString('en');

function SizeLine({ size, kept }: { size: CorpusSize; kept: boolean }) {
  if (size.bytes === 0) {
    return <p className="muted">Paste or open a plain text: a few KB of prose trains in a few minutes.</p>;
  }
  return (
    <p className="muted" data-testid="text-size" data-windows={size.windows}>
      {count(size.bytes)} bytes · {count(size.characters)} characters ·{' '}
      {size.windows > 0
        ? `${count(size.windows)} training windows of ${size.window} bytes` +
          (size.stride > 1 ? ` (one every ${size.stride} bytes)` : '')
        : `too short: a window needs ${size.window + 1} bytes`}
      {size.bytes > MAX_TEXT_BYTES && ' · over 1 MB, more than training takes: cut it down'}
      {!kept && " · the browser's storage refused it, so a reload will not keep it"}
    </p>
  );
}

/** The text a character model learns from: pasted, opened from a file or the sample, kept per project. */
export function TextCorpus({ storageKey, disabled, autoLoad, onLoad }: TextCorpusProps) {
  const [saved] = useState(() => loadCorpus(pageStorage(), storageKey));
  const [text, setText] = useState(saved);
  const [name, setName] = useState('saved text');
  const [kept, setKept] = useState(true);
  const size = useMemo(() => measureCorpus(text), [text]);
  const fileInput = useRef<HTMLInputElement>(null);
  const loadedOnce = useRef(false);
  const usable = text.trim() !== '';

  useEffect(() => {
    if (!autoLoad || loadedOnce.current || saved.trim() === '') return;
    loadedOnce.current = true;
    onLoad(textSource('saved text', saved));
  }, [autoLoad, saved, onLoad]);

  const keep = (next: string, nextName: string) => {
    // Once the text is edited, the kept one is no longer what the person wants loaded.
    loadedOnce.current = true;
    setText(next);
    setName(nextName);
    setKept(saveCorpus(pageStorage(), storageKey, next));
  };
  const learn = (next: string, nextName: string) => {
    keep(next, nextName);
    onLoad(textSource(nextName, next));
  };
  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) learn(await file.text(), file.name);
  };

  return (
    <div className="text-corpus">
      <label htmlFor="train-text">Paste text to learn from</label>
      <textarea
        id="train-text"
        data-testid="text-corpus"
        rows={8}
        spellCheck={false}
        value={text}
        onChange={(e) => keep(e.target.value, 'pasted text')}
      />
      <SizeLine size={size} kept={kept} />
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={disabled || !usable}
          data-testid="load-text"
          onClick={() => learn(text, name)}
        >
          Learn from this text
        </button>
        <button
          type="button"
          disabled={disabled}
          data-testid="open-text-file"
          onClick={() => fileInput.current?.click()}
        >
          Open a .txt file
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".txt,text/plain"
          hidden
          data-testid="text-file"
          onChange={(e) => void open(e)}
        />
        <button
          type="button"
          disabled={disabled}
          data-testid="load-sample-text"
          onClick={() => learn(SAMPLE_TEXT, 'sample text')}
        >
          Use the sample text
        </button>
      </div>
    </div>
  );
}
