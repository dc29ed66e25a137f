export {
  inspectModel,
  budgetFor,
  type InspectReport,
  type InspectOptions,
  type LayerReport,
} from './report.ts';
export { budgetInput } from './measure.ts';
export { exactBlobBytes } from './blob-size.ts';
export { describePackingSaving, packingSavedBytes } from './packing-saving.ts';
export { evaluateSpec } from './evaluate.ts';
