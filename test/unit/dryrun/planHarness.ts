import { parseManifestFile } from '../../../server/src/documents/manifestFile';
import { desiredObjects } from '../../../server/src/dryrun/desiredObjects';
import type { KObject } from '../../../server/src/dryrun/kobject';
import { planKubernetes, type KubernetesPlan } from '../../../server/src/dryrun/planKubernetes';
import type { DeploymentRollout, ObjectPlan, Rollout } from '../../../server/src/shared/dryrunPlan';
import { schemas } from '../helpers';

/** The oracles' conventions (reference §9): images nginx:1.25/1.27/1.29 are revisions v1/v2/v3. */
export const IMAGE = { v1: 'nginx:1.25', v2: 'nginx:1.27', v3: 'nginx:1.29' } as const;

export interface DeploymentOptions {
  name?: string;
  namespace?: string;
  replicas?: number | null;
  image?: keyof typeof IMAGE;
  strategy?: string;
  extraSpec?: string;
  extraContainer?: string;
  templateAnnotations?: string;
  labels?: string;
}

/** A Deployment manifest as the reference's examples write it: selector/template label app: <name>, container app. */
export function deployment(o: DeploymentOptions = {}): string {
  const name = o.name ?? 'web';
  const lines = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`];
  if (o.namespace) lines.push(`  namespace: ${o.namespace}`);
  if (o.labels) lines.push(`  labels: ${o.labels}`);
  lines.push('spec:');
  if (o.replicas !== null) lines.push(`  replicas: ${o.replicas ?? 3}`);
  if (o.strategy) lines.push(`  strategy: ${o.strategy}`);
  if (o.extraSpec) lines.push(o.extraSpec);
  lines.push(`  selector: {matchLabels: {app: ${name}}}`, '  template:', '    metadata:', `      labels: {app: ${name}}`);
  if (o.templateAnnotations) lines.push(`      annotations: ${o.templateAnnotations}`);
  lines.push('    spec:', '      containers:', '        - name: app', `          image: ${IMAGE[o.image ?? 'v1']}`);
  if (o.extraContainer) lines.push(o.extraContainer);
  return `${lines.join('\n')}\n`;
}

export function plan(text: string, state: readonly KObject[] = [], options: { version?: string; prune?: string; fileName?: string } = {}): KubernetesPlan {
  const file = parseManifestFile('file:///work/all.yaml', text);
  const version = options.version ?? '1.35';
  return planKubernetes(state, desiredObjects([file]), {
    schemas: schemas.forVersion(version),
    k8sVersion: version,
    prune: options.prune ? { selector: options.prune } : undefined,
    fileName: options.fileName ?? 'all.yaml',
  });
}

/** The state after applying manifests one after the other and letting the controllers finish (a commit each). */
export function committed(...texts: string[]): KObject[] {
  let state: KObject[] = [];
  for (const text of texts) state = plan(text, state).next;
  return state;
}

export function messages(result: KubernetesPlan): string[] {
  return result.objects.map((o: ObjectPlan) => o.message);
}

export function deploymentRollout(result: KubernetesPlan, name = 'web'): DeploymentRollout {
  const found = result.rollouts.find((r: Rollout): r is DeploymentRollout => r.kind === 'Deployment' && r.name === name);
  if (!found) throw new Error(`no Deployment rollout for ${name}: ${JSON.stringify(result.rollouts.map((r) => `${r.kind}/${r.name}`))}`);
  return found;
}

/** ReplicaSet names are `<deployment>-<hash>`; the oracles call them by image revision (web-v1, web-v2). */
export function revisionNames(states: readonly KObject[][]): Map<string, string> {
  const names = new Map<string, string>();
  for (const state of states) {
    for (const object of state) {
      if (object.kind !== 'ReplicaSet') continue;
      const metadata = object.metadata as { name: string; ownerReferences?: Array<{ name: string }> };
      const image = JSON.stringify(object.spec);
      const revision = (Object.keys(IMAGE) as Array<keyof typeof IMAGE>).find((v) => image.includes(`"${IMAGE[v]}"`));
      if (revision) names.set(metadata.name, `${metadata.ownerReferences?.[0]?.name ?? 'web'}-${revision}`);
    }
  }
  return names;
}

/** A rollout's rows as the reference's tables print them: [t, new, old, available, events (RS names abbreviated)]. */
export function rows(rollout: DeploymentRollout, names: Map<string, string>): Array<[number, number, number, number, string[]]> {
  const abbreviate = (event: string) => event.replace(/replica set (\S+)/, (_m, rs: string) => `replica set ${names.get(rs) ?? rs}`);
  return rollout.steps.map((s) => [s.t, s.new, s.old, s.available, s.events.map(abbreviate)]);
}

export function counts(rollout: DeploymentRollout): Array<[number, number, number]> {
  return rollout.steps.map((s) => [s.new, s.old, s.available]);
}
