import type { ComposeProjectPlan, DaemonSetRollout, DeploymentRollout, Plan, Rollout, StatefulSetRollout } from '../shared/dryrunPlan';

/** `shipshape plan --format json`: the Plan itself (the documented contract), one JSON object. */
export function formatPlanJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function pad(text: string | number, width: number): string {
  return String(text).padStart(width);
}

function deployment(r: DeploymentRollout): string[] {
  const head = `deployment ${r.namespace}/${r.name}: ${r.strategy}, maxSurge ${r.maxSurge}, maxUnavailable ${r.maxUnavailable}, ${r.newRevision ? `new revision ${r.revision}` : `revision ${r.revision} (no new revision)`}`;
  const lines = [head, '     t  new  old  avail  status'];
  for (const step of r.steps) {
    const down = r.downtimeSteps.includes(step.t) ? ' [below minimum available]' : '';
    lines.push(`  ${pad(step.t, 4)}  ${pad(step.new, 3)}  ${pad(step.old, 3)}  ${pad(step.available, 5)}  ${step.status}${down}`);
    for (const event of step.events) lines.push(`                           ${event}`);
  }
  return [...lines, ...(r.notes ?? []).map((n) => `  note: ${n}`)];
}

function statefulSet(r: StatefulSetRollout): string[] {
  const lines = [`statefulset ${r.namespace}/${r.name}: ${r.podManagementPolicy}, ${r.updateStrategy}, partition ${r.partition}, maxUnavailable ${r.maxUnavailable}`];
  for (const step of r.steps) {
    const pods = step.pods.map((p) => `${r.name}-${p.ordinal}${p.revision === 'update' ? '(new)' : ''}${p.ready ? '' : '*'}`).join(' ');
    lines.push(`  t${step.t}  ${pods || '(no pods)'}  ready ${step.ready}, updated ${step.updated}  ${step.status}`);
  }
  return [...lines, ...(r.notes ?? []).map((n) => `  note: ${n}`)];
}

function daemonSet(r: DaemonSetRollout): string[] {
  const lines = [`daemonset ${r.namespace}/${r.name}: maxSurge ${r.maxSurge}, maxUnavailable ${r.maxUnavailable}, ${r.desired} nodes`];
  for (const step of r.steps) {
    const nodes = step.nodes.map((n) => `${n.node}=${n.pods.join('+') || '-'}`).join(' ');
    lines.push(`  t${step.t}  ${nodes}  updated ${step.updated}, old ${step.old}, available ${step.available}  ${step.status}`);
  }
  return [...lines, ...(r.notes ?? []).map((n) => `  note: ${n}`)];
}

function rollout(r: Rollout): string[] {
  switch (r.kind) {
    case 'Deployment':
      return deployment(r);
    case 'StatefulSet':
      return statefulSet(r);
    case 'DaemonSet':
      return daemonSet(r);
    default:
      return [`${r.kind.toLowerCase()} ${r.namespace}/${r.name}: ${r.summary}`];
  }
}

function compose(project: ComposeProjectPlan): string[] {
  const lines = [`compose project ${project.project}${project.file ? ` (${project.file})` : ''}:`];
  for (const resource of project.resources ?? []) lines.push(`  ${resource}`);
  for (const service of project.services) {
    lines.push(`  service ${service.name}: ${service.action}${service.reason ? ` (${service.reason})` : ''}`);
    for (const container of service.containers) for (const progress of container.progress) lines.push(`    ${progress}`);
  }
  if (project.startOrder.length > 0) lines.push(`  start order: ${project.startOrder.join(' → ')}`);
  if (project.orphans.length > 0) lines.push(`  orphans: ${project.orphans.join(', ')}`);
  for (const warning of project.warnings) lines.push(`  warning: ${warning}`);
  for (const error of project.errors ?? []) lines.push(`  error: ${error}`);
  return lines;
}

/** Human output: kubectl's lines with the changed fields, then each rollout step by step, then Compose. */
export function formatPlanText(plan: Plan): string {
  const lines: string[] = [];
  for (const object of plan.objects) {
    lines.push(object.message);
    // A created object's "diff" is the whole manifest: JSON carries it, the terminal shows what changes.
    if (object.action === 'configured') for (const change of object.diff) lines.push(`    ${change.path}: ${show(change.from)} → ${show(change.to)}`);
    for (const warning of object.warnings ?? []) lines.push(`    warning: ${warning}`);
  }
  if (plan.pruneSkipped) lines.push('prune skipped: an object failed to apply, and kubectl never prunes after a failure.');
  for (const r of plan.rollouts) lines.push('', ...rollout(r));
  for (const project of plan.compose) lines.push('', ...compose(project));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** One line for stderr: what would happen, in counts. */
export function formatPlanSummary(plan: Plan): string {
  const counts = new Map<string, number>();
  for (const object of plan.objects) counts.set(object.action, (counts.get(object.action) ?? 0) + 1);
  const parts = ['created', 'configured', 'unchanged', 'pruned', 'rejected'].filter((a) => counts.has(a)).map((a) => `${counts.get(a)} ${a}`);
  const services = plan.compose.reduce((n, p) => n + p.services.length, 0);
  const summary = [parts.length ? parts.join(', ') : 'no Kubernetes objects', `${plan.rollouts.length} rollout(s)`];
  if (plan.compose.length) summary.push(`${services} Compose service(s) in ${plan.compose.length} project(s)`);
  return `plan: ${summary.join('; ')}\n`;
}
