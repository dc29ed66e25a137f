import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import sineSpec from '../../../examples/sine.json';
import { compileExample } from '../../device/testing/example-blob.ts';
import { RunSample } from './RunSample.tsx';

const render = (blob: Uint8Array, samples: Float32Array[]) =>
  renderToStaticMarkup(
    <RunSample
      blob={blob}
      samples={samples.map((values) => ({ values }))}
      disabled={false}
      onRun={() => {}}
    />,
  );

describe('RunSample', () => {
  it('offers a pad of the input’s own size for a one-channel square image, and none otherwise', () => {
    const mnist = compileExample(1);
    const html = render(mnist.blob, mnist.samples);
    expect(html).toContain('aria-label="Draw an input here"');
    expect(html).toMatch(/<canvas width="28" height="28"/);
    expect(html).toContain('Run sample 0');
    const sine = compileExample(1, sineSpec);
    expect(render(sine.blob, sine.samples)).not.toContain('<canvas');
  });
});
