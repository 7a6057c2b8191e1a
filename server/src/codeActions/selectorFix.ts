import type { CodeAction } from 'vscode-languageserver-types';
import { isRecord } from '../documents/plainValues';
import { readLabels } from '../crossref/labelSelector';
import { objectAt, quickFix, type FixContext } from './fixContext';
import { childMap, findOwnPair, replaceValue } from './textEdits';
import { addTemplateLabels, MAP_SELECTOR_WORKLOADS, selectorForTemplate, templateLabels } from './workloads';

/**
 * workload-selector-template-mismatch and workload-selector-missing-or-empty: make the
 * selector select the pod template's labels, or (for a plain matchLabels selector) give the
 * template the selector's labels. Adding labels to the template is preferred when it only adds:
 * a live workload's selector cannot be changed, its template can.
 */
export function selectorFixes(ctx: FixContext): CodeAction[] {
  const object = objectAt(ctx.doc, ctx.start);
  if (!object) return [];
  const kind = String(object.value.kind);
  const spec = childMap(object.node, 'spec');
  const selector = findOwnPair(spec, 'selector');
  const key = selector?.key as { range?: [number, number, number] } | undefined;
  if (!spec || !selector || key?.range?.[0] !== ctx.start || key.range[1] !== ctx.end) return [];

  const fromTemplate = selectorForTemplate(object.value, kind);
  const wanted = ctx.diagnostic.code === 'workload-selector-template-mismatch' ? selectorLabels(object.value, kind) : undefined;
  const current = templateLabels(object.value);
  const additive = wanted !== undefined && Object.keys(wanted).every((k) => current[k] === undefined || current[k] === wanted[k]);
  const template = childMap(spec, 'template');

  const out: CodeAction[] = [];
  if (wanted && template) {
    const labels = Object.entries(wanted).map(([k, v]) => `${k}=${v}`).join(',');
    const action = quickFix(ctx, `Add the selector's labels (${labels}) to the pod template`, addTemplateLabels(ctx.file, template, wanted), additive);
    if (action) out.push(action);
  }
  if (fromTemplate) {
    const labels = Object.entries(templateLabels(object.value)).map(([k, v]) => `${k}=${v}`).join(',');
    const action = quickFix(ctx, `Set the selector to the pod template's labels (${labels})`, [replaceValue(ctx.file, selector, fromTemplate)], !additive);
    if (action) out.push(action);
  }
  return out;
}

// Only an equality selector says exactly which labels the pods need.
function selectorLabels(object: Record<string, unknown>, kind: string): Record<string, string> | undefined {
  const spec = isRecord(object.spec) ? object.spec : {};
  if (!isRecord(spec.selector)) return undefined;
  if (MAP_SELECTOR_WORKLOADS.has(kind)) return nonEmpty(readLabels(spec.selector));
  const { matchLabels, matchExpressions, ...rest } = spec.selector;
  if (Object.keys(rest).length || (Array.isArray(matchExpressions) && matchExpressions.length)) return undefined;
  return nonEmpty(readLabels(matchLabels));
}

function nonEmpty(labels: Readonly<Record<string, string>>): Record<string, string> | undefined {
  return Object.keys(labels).length ? { ...labels } : undefined;
}
