import type { YAMLMap } from 'yaml';
import { isRecord } from '../documents/plainValues';
import type { MigrationPlan } from './apiVersionMigration';
import type { FixContext, ObjectAt } from './fixContext';
import { childMap, findOwnPair, insertPair, removePair, replaceValue, type OffsetEdit } from './textEdits';
import { addTemplateLabels, templateLabels } from './workloads';

// Fields of the beta workload APIs that apps/v1 dropped (the server rejects them as unknown).
const DROPPED: Record<string, string[]> = {
  Deployment: ['rollbackTo'],
  DaemonSet: ['templateGeneration'],
};

/**
 * extensions/v1beta1 and apps/v1beta1|2 workloads → apps/v1: the selector became required and
 * no longer defaults to the template labels, so it is written out from them (a template without
 * labels gets `app: <name>` on both sides); fields apps/v1 dropped are removed.
 */
export function migrateWorkload(ctx: FixContext, object: ObjectAt): MigrationPlan {
  const plan: MigrationPlan = { edits: [], changes: [] };
  const spec = childMap(object.node, 'spec');
  if (!spec) return plan;
  const specValue = isRecord(object.value.spec) ? object.value.spec : {};
  if (!isRecord(specValue.selector)) addSelector(ctx, object, spec, plan);
  for (const field of DROPPED[String(object.value.kind)] ?? []) {
    const pair = findOwnPair(spec, field);
    if (!pair) continue;
    plan.edits.push(removePair(ctx.file, spec, pair));
    plan.changes.push(`removes spec.${field}`);
  }
  return plan;
}

function addSelector(ctx: FixContext, object: ObjectAt, spec: YAMLMap, plan: MigrationPlan): void {
  const before = { before: findOwnPair(spec, 'template') };
  const existing = findOwnPair(spec, 'selector'); // `selector:` with no value
  const write = (matchLabels: Record<string, string>): OffsetEdit | undefined =>
    existing ? replaceValue(ctx.file, existing, { matchLabels }) : insertPair(ctx.file, spec, 'selector', { matchLabels }, before);
  const labels = templateLabels(object.value);
  if (Object.keys(labels).length > 0) {
    plan.edits.push(write({ ...labels }));
    plan.changes.push('adds spec.selector from the pod template labels');
    return;
  }
  const template = childMap(spec, 'template');
  if (!template) return; // no template to select: the schema reports it
  const metadata = object.value.metadata;
  const name = isRecord(metadata) && typeof metadata.name === 'string' && metadata.name ? metadata.name : String(object.value.kind).toLowerCase();
  const label = { app: name };
  plan.edits.push(...addTemplateLabels(ctx.file, template, label), write(label));
  plan.changes.push(`adds the pod label app=${name} and a spec.selector for it`);
}
