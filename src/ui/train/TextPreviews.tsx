import { decodeUtf8 } from '../../core/blob/utf8.ts';
import type { Preview } from '../../train/datasets/summary.ts';

const SHOWN = 8;

/** A window of token ids (bytes held as floats) as the text it stands for, line breaks made visible. */
export function windowText(x: Float32Array): string {
  const bytes = Uint8Array.from(x, (v) => Math.min(255, Math.max(0, Math.round(v))));
  return decodeUtf8(bytes).replace(/\r?\n/g, '⏎');
}

/** A few training windows of a text and the character each is labelled with: the one that comes next. */
export function TextPreviews({ previews }: { previews: readonly Preview[] }) {
  return (
    <ul className="text-previews" aria-label="Training windows">
      {previews.slice(0, SHOWN).map((p) => (
        <li key={p.index}>
          <code>{windowText(p.x)}</code> → <strong>{p.label}</strong>
        </li>
      ))}
    </ul>
  );
}
