import type { K8sRule } from '../ruleContext';
import { workloadSelectorMissingOrEmpty, workloadSelectorTemplateMismatch } from './workloadSelector';
import { serviceSelectorNoPods } from './serviceSelector';
import { configMapKeyMissing, configMapMissing, secretKeyMissing, secretMissing } from './configReferences';

/** Every Kubernetes cross-reference rule, in reporting order. */
export const K8S_RULES: readonly K8sRule[] = [
  workloadSelectorTemplateMismatch,
  workloadSelectorMissingOrEmpty,
  serviceSelectorNoPods,
  configMapMissing,
  configMapKeyMissing,
  secretMissing,
  secretKeyMissing,
];
