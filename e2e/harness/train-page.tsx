/**
 * A page with only the training workspace, for the training e2e: `?model=<example name>` picks the model,
 * or `?spec=<model file JSON>` gives one. Trained weights are kept on `window.minnowSaved`, where the test
 * reads what the app would save.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ModelSpec } from '../../src/core/model/types.ts';
import type { FloatWeights } from '../../src/core/quant/types.ts';
import { TrainingWorkspace } from '../../src/ui/train/TrainingWorkspace.tsx';
import '../../src/ui/styles/index.css';
import lenet from '../../examples/lenet.json';
import mnistMlp from '../../examples/mnist-mlp.json';
import sine from '../../examples/sine.json';
import imu from '../../examples/imu-conv1d.json';

declare global {
  interface Window {
    minnowSaved?: FloatWeights;
  }
}

const MODELS: Record<string, unknown> = { 'mnist-mlp': mnistMlp, lenet, sine, 'imu-conv1d': imu };
const query = new URLSearchParams(location.search);
const spec = query.get('spec');
const model = (spec ? JSON.parse(spec) : (MODELS[query.get('model') ?? ''] ?? mnistMlp)) as ModelSpec;

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
createRoot(root).render(
  <StrictMode>
    <TrainingWorkspace model={model} onWeights={(weights) => (window.minnowSaved = weights)} />
  </StrictMode>,
);
