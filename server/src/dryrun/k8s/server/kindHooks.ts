import type { KObject } from '../../kobject';
import { child, isRecord } from '../jsonValue';
import { semanticEqual } from '../semanticEqual';

/** Per-kind steps of the registry strategies (`PrepareForCreate` / `PrepareForUpdate`) besides defaulting. */

const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

/** A Job selects its own pods: the server labels the template with the Job's uid and name, and selects the uid. */
export function generateJobSelector(job: KObject, uid: string): void {
  const spec = child(job, 'spec');
  if (spec.manualSelector === true) return;
  const name = isRecord(job.metadata) ? String(job.metadata.name) : '';
  const labels = child(child(child(spec, 'template'), 'metadata'), 'labels');
  labels['batch.kubernetes.io/controller-uid'] ??= uid;
  labels['batch.kubernetes.io/job-name'] ??= name;
  labels['controller-uid'] ??= uid;
  labels['job-name'] ??= name;
  const matchLabels = child(child(spec, 'selector'), 'matchLabels');
  matchLabels['batch.kubernetes.io/controller-uid'] ??= uid;
}

/** apps/v1 keeps a DaemonSet's template generation in an annotation: 1 on create, +1 per template change. */
export function stampTemplateGeneration(daemonSet: KObject, old?: KObject): void {
  const annotations = child(child(daemonSet, 'metadata'), 'annotations');
  if (!old) {
    annotations[TEMPLATE_GENERATION] = '1';
    return;
  }
  const oldAnnotations = isRecord(old.metadata) && isRecord(old.metadata.annotations) ? old.metadata.annotations : {};
  const previous = Number(oldAnnotations[TEMPLATE_GENERATION] ?? 0) || 0;
  const templateOf = (o: KObject) => (isRecord(o.spec) ? o.spec.template : undefined);
  if (!semanticEqual(templateOf(daemonSet), templateOf(old))) annotations[TEMPLATE_GENERATION] = String(previous + 1);
  else if (previous > 0) annotations[TEMPLATE_GENERATION] = String(previous);
}
