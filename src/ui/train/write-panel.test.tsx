import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { charBlob } from './test-char-model.ts';
import { WritePanel } from './WritePanel.tsx';

describe('the write panel', () => {
  it('says why it cannot write while there is no blob', () => {
    const html = renderToStaticMarkup(<WritePanel blob={null} reason="Train the model first." />);
    expect(html).toContain('Train the model first.');
    expect(html).not.toContain('data-testid="write-generate"');
  });

  it('offers a prompt, a length, a temperature from 0 to 2, a seed and Generate for a blob', () => {
    const html = renderToStaticMarkup(<WritePanel blob={charBlob()} reason={null} />);
    expect(html).toMatch(/<textarea[^>]*data-testid="write-prompt"[^>]*>The <\/textarea>/);
    expect(html).toMatch(
      /<input id="write-length"[^>]*min="1" max="500" data-testid="write-length" value="120"/,
    );
    expect(html).toMatch(/data-testid="write-temperature" type="range" min="0" max="2"/);
    expect(html).toContain('data-testid="write-seed"');
    expect(html).toMatch(/<button[^>]*data-testid="write-generate"[^>]*>Generate<\/button>/);
    expect(html).toContain('<span data-testid="write-output"></span>');
    expect(html).not.toContain('data-testid="write-reason"');
  });

  it('turns a blob that cannot be read into a coded error, not a crash', () => {
    const html = renderToStaticMarkup(<WritePanel blob={Uint8Array.of(1, 2, 3, 4)} reason={null} />);
    expect(html).toMatch(/data-testid="train-error"[^>]*><p><strong>E\d+ <\/strong>/);
    expect(html).not.toContain('data-testid="write-generate"');
  });
});
