import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../train/session/settings.ts';
import { textWindows } from '../../train/datasets/text.ts';
import { summarize } from '../../train/datasets/summary.ts';
import type { QuantReport } from '../../train/quantize/evaluate.ts';
import { DatasetPanel } from './DatasetPanel.tsx';
import { DataSummary } from './DataSummary.tsx';
import { PredictionBars } from './PredictionBars.tsx';
import { QuantizePanel } from './QuantizePanel.tsx';
import { SAMPLE_TEXT } from './sample-text.ts';
import { SettingsForm } from './SettingsForm.tsx';
import { charModel } from './test-char-model.ts';
import { corpusKey, measureCorpus } from './text-corpus.ts';
import { INITIAL_VIEW, type TrainingView } from './training-state.ts';
import type { TrainingActions } from './useTrainingSession.ts';

const actions = {} as TrainingActions;
const ready: TrainingView = { ...INITIAL_VIEW, ready: true, busy: null };
const text = (props: { storageKey?: string; view?: TrainingView }) =>
  renderToStaticMarkup(
    <DatasetPanel
      view={props.view ?? ready}
      actions={actions}
      inputShape={[1]}
      tokenStream
      storageKey={props.storageKey ?? 'p1'}
    />,
  );

afterEach(() => vi.unstubAllGlobals());

describe('the data panel of a character model', () => {
  it('offers a text box, a .txt file and the sample text, and none of the other data choices', () => {
    const html = text({});
    expect(html).toContain('Paste text to learn from');
    expect(html).toContain('data-testid="text-corpus"');
    expect(html).toContain('Open a .txt file');
    expect(html).toContain('Use the sample text');
    expect(html).not.toMatch(/CSV|Image folder|MNIST|Sine|gestures/);
    // Nothing pasted yet: nothing to learn from.
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*data-testid="load-text"/);
  });

  it("shows the project's kept text with its bytes, characters and training windows", () => {
    const kept = 'The sea is wide. Fish swim in the sea, and the river runs to it. Ünïcode too.';
    const storage = new Map([[corpusKey('p7'), kept]]);
    vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null });
    const html = text({ storageKey: 'p7' });
    const windows = textWindows(kept, 'kept').dataset.count;
    expect(html).toContain('The sea is wide.');
    expect(html).toContain(`${kept.length + 2} bytes · ${kept.length} characters`);
    expect(html).toContain(`${windows} training windows of 32 bytes`);
    expect(html).toContain(`data-windows="${windows}"`);
    expect(html).not.toMatch(/<button[^>]*disabled=""[^>]*data-testid="load-text"/);
    // Another project keeps its own text.
    expect(text({ storageKey: 'p8' })).not.toContain('The sea is wide.');
  });

  it('says a text is too short for one window', () => {
    vi.stubGlobal('localStorage', { getItem: () => 'too short' });
    expect(text({})).toContain('too short: a window needs 33 bytes');
  });

  it('shows loaded text as its windows and the next character, not as plots of numbers', () => {
    const loaded = textWindows(SAMPLE_TEXT, 'sample text');
    const view = { ...ready, dataset: summarize(loaded.dataset, loaded.report) };
    const html = text({ view });
    expect(html).toContain('aria-label="Training windows"');
    const first = view.dataset.previews[0];
    const window = String.fromCharCode(...(first?.x ?? [])).replace(/\n/g, '⏎');
    expect(html).toContain(
      `<code>${window.replace(/&/g, '&amp;')}</code> → <strong>${first?.label}</strong>`,
    );
    expect(html).not.toContain('class="class-balance"');
    expect(html).toContain('data-testid="common-classes"');
    expect(html).not.toContain('<svg');
  });
});

describe('the data panel of the IMU gesture template', () => {
  const html = renderToStaticMarkup(<DatasetPanel view={ready} actions={actions} inputShape={[128, 6]} />);

  it('offers the synthetic gestures as demo data and an IMU recording with its columns', () => {
    expect(html).toContain('Synthetic gestures (demo data)');
    expect(html).toContain('IMU recording (CSV)');
    for (const column of ['ax, ay, az', 'gx, gy, gz', 'label', 't_ms']) expect(html).toContain(column);
    expect(html).toContain('Windows of 128 rows');
    expect(html).toContain('Download a sample recording');
    expect(html).toContain('docs/DATA.md');
    expect(html).not.toContain('data-testid="text-corpus"');
  });

  it('is not shown to models that read no sequence', () => {
    const flat = renderToStaticMarkup(
      <DatasetPanel view={ready} actions={actions} inputShape={[28, 28, 1]} />,
    );
    expect(flat).not.toContain('data-testid="imu-help"');
    expect(flat).toContain('data-testid="load-mnist"');
  });
});

describe('the quantization-aware training setting', () => {
  const settings = { ...defaultSettings(charModel), quantAware: true };
  const html = renderToStaticMarkup(
    <SettingsForm settings={settings} disabled={false} onChange={() => {}} packings={{ gru: 'ternary' }} />,
  );

  it('is a labelled checkbox with its id, on when the settings say so, explained by the packed layers', () => {
    expect(html).toMatch(/<input id="train-quant-aware" type="checkbox"[^>]*checked=""/);
    expect(html).toMatch(/aria-describedby="train-quant-aware-note"/);
    expect(html).toContain('Quantization-aware training');
    expect(html).toContain('gru is ternary: train with their rounding so accuracy holds.');
  });

  it('is off when the settings say so', () => {
    const off = renderToStaticMarkup(
      <SettingsForm settings={{ ...settings, quantAware: false }} disabled={false} onChange={() => {}} />,
    );
    expect(off).not.toMatch(/id="train-quant-aware"[^>]*checked/);
  });
});

describe('many classes', () => {
  const names = Array.from({ length: 256 }, (_, i) => `c${i}`);
  const report: QuantReport = {
    task: 'classes',
    samples: 4,
    calibrationSamples: 4,
    float: 0.5,
    int8: 0.5,
    agreement: 1,
    classNames: names,
    confusion: names.map(() => names.map(() => 0)),
    floatConfusion: names.map(() => names.map(() => 0)),
    layers: [],
    worstLayer: null,
    blobBytes: 100,
    arenaBytes: 10,
  };

  it('leave out the confusion matrix', () => {
    const html = renderToStaticMarkup(
      <QuantizePanel view={{ ...ready, trained: true, report }} actions={actions} />,
    );
    expect(html).not.toContain('confusion-matrix');
    expect(html).toContain('256 classes make a table too big to read');
  });

  it('list the most common classes in a line instead of a row each', () => {
    const loaded = textWindows('aaaa bb c'.repeat(10), 'letters', { window: 4 });
    const html = renderToStaticMarkup(<DataSummary summary={summarize(loaded.dataset, loaded.report)} />);
    // 86 windows: labels follow bytes 4..89 of the repeated text; "a" is 4 of every 9, "␣" 2, "b" 2, "c" 1.
    expect(html).toMatch(/4 of 256 classes occur; the most common: a 4\d\.\d % · ␣ 2\d\.\d %/);
    expect(html).not.toContain('class-balance');
  });

  it('show bars for the ten likeliest only', () => {
    const float = Float32Array.from(names, (_, i) => (i === 200 ? 0.9 : i / 10_000));
    const html = renderToStaticMarkup(<PredictionBars prediction={{ float, int8: null }} names={names} />);
    expect(html.match(/<tr/g)).toHaveLength(10);
    expect(html).toMatch(
      /<th scope="row">c200<\/th>.*<th scope="row">c255<\/th>.*<th scope="row">c254<\/th>/,
    );
  });
});

describe('the sample text', () => {
  it('makes enough windows to train on', () => {
    expect(measureCorpus(SAMPLE_TEXT).windows).toBeGreaterThan(2000);
  });
});
