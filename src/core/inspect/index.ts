export {
  inspectModel,
  budgetFor,
  type InspectReport,
  type InspectOptions,
  type LayerReport,
} from './report.ts';
export { budgetInput } from './measure.ts';
export { evaluateSpec } from './evaluate.ts';
