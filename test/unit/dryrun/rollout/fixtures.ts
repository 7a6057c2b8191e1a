import type { KObject } from '../../../../server/src/dryrun/kobject';
import type { ControllerInput } from '../../../../server/src/dryrun/rollout/simulateController';

/**
 * Workloads as the API server stores them after an apply: manifest values plus the defaults of
 * reference §3.1, filled in by hand so the tests do not depend on the apply simulator.
 */

export const V1 = 'nginx:1.25';
export const V2 = 'nginx:1.27';
export const V3 = 'nginx:1.29';
const VERSION_OF: Record<string, string> = { [V1]: 'v1', [V2]: 'v2', [V3]: 'v3' };

export function podTemplate(image: string, labels: Record<string, string> = { app: 'web' }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: 'app',
          image,
          imagePullPolicy: 'IfNotPresent',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          ...extra,
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    },
  };
}

export interface DeploymentFixture {
  name?: string;
  replicas?: number;
  image?: string;
  strategy?: 'RollingUpdate' | 'Recreate';
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  paused?: boolean;
  revisionHistoryLimit?: number;
  generation?: number;
  annotations?: Record<string, string>;
  template?: Record<string, unknown>;
}

export function deployment(f: DeploymentFixture = {}): KObject {
  const name = f.name ?? 'web';
  const strategy = f.strategy === 'Recreate'
    ? { type: 'Recreate' }
    : { type: 'RollingUpdate', rollingUpdate: { maxSurge: f.maxSurge ?? '25%', maxUnavailable: f.maxUnavailable ?? '25%' } };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', generation: f.generation ?? 1, ...(f.annotations ? { annotations: f.annotations } : {}) },
    spec: {
      replicas: f.replicas ?? 1,
      selector: { matchLabels: { app: 'web' } },
      strategy,
      revisionHistoryLimit: f.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: 600,
      ...(f.paused ? { paused: true } : {}),
      template: f.template ?? podTemplate(f.image ?? V1),
    },
  };
}

/** A live ReplicaSet of `owner` (its template), all pods available, annotated as the controller leaves it. */
export function replicaSet(owner: KObject, o: { name: string; revision: number; replicas: number; desired?: number; maxReplicas?: number; creationTimestamp?: string }): KObject {
  const spec = owner.spec as Record<string, unknown>;
  const template = structuredClone(spec.template) as { metadata: { labels: Record<string, string> } };
  template.metadata.labels['pod-template-hash'] = o.name.split('-').pop()!;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: o.name,
      namespace: 'default',
      labels: template.metadata.labels,
      ...(o.creationTimestamp ? { creationTimestamp: o.creationTimestamp } : {}),
      annotations: {
        'deployment.kubernetes.io/revision': String(o.revision),
        'deployment.kubernetes.io/desired-replicas': String(o.desired ?? o.replicas),
        'deployment.kubernetes.io/max-replicas': String(o.maxReplicas ?? (o.desired ?? o.replicas) + 1),
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas: o.replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': o.name.split('-').pop() } }, template },
    status: { replicas: o.replicas, readyReplicas: o.replicas, availableReplicas: o.replicas, observedGeneration: 1 },
  };
}

/** The live Deployment `before` at `image` with its single ReplicaSet `web-v1`, and the same Deployment changed by `change`. */
export function liveAt(before: DeploymentFixture, change: DeploymentFixture): ControllerInput {
  const live = deployment({ ...before, annotations: { 'deployment.kubernetes.io/revision': '1', ...before.annotations } });
  const R = before.replicas ?? 1;
  const surge = before.maxSurge === undefined ? Math.ceil(R / 4) : typeof before.maxSurge === 'number' ? before.maxSurge : Math.ceil((parseInt(before.maxSurge) * R) / 100);
  const rs = replicaSet(live, { name: `web-${VERSION_OF[before.image ?? V1]}`, revision: 1, replicas: R, maxReplicas: R + (before.strategy === 'Recreate' ? 0 : surge) });
  const after = deployment({ ...before, ...change, generation: 2, annotations: { 'deployment.kubernetes.io/revision': '1', ...change.annotations } });
  return { before: live, after, owned: [rs], nodes: [], k8sVersion: '1.35' };
}

/** `web-<hash>` → `web-v2` by the image of the ReplicaSet, so expected events read like the reference's tables. */
export function aliasesOf(objects: readonly KObject[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const object of objects) {
    if (object.kind !== 'ReplicaSet') continue;
    const spec = object.spec as { template: { spec: { containers: Array<{ image: string }> } } };
    const image = spec.template.spec.containers[0]!.image;
    aliases.set((object.metadata as { name: string }).name, `web-${VERSION_OF[image] ?? image}`);
  }
  return aliases;
}

export const up = (rs: string, to: number, from?: number) => `Scaled up replica set ${rs} to ${to}${from === undefined ? '' : ` from ${from}`}`;
export const down = (rs: string, to: number, from: number) => `Scaled down replica set ${rs} to ${to} from ${from}`;

/** The reference tables abbreviate `Waiting for deployment "web" rollout to finish: …`. */
export function deploymentStatus(short: string, name = 'web'): string {
  return short === 'done' ? `deployment "${name}" successfully rolled out` : `Waiting for deployment "${name}" rollout to finish: ${short}`;
}

/** Deterministic PRNG (mulberry32) for the property tests. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fields the tests read from a stored Deployment or ReplicaSet. */
export interface Stored {
  kind: string;
  metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string>; ownerReferences?: unknown[] };
  spec: {
    replicas: number;
    selector: unknown;
    template: { metadata: { labels: Record<string, string> }; spec: { containers: Array<{ image: string }> } };
  };
  status: {
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    observedGeneration?: number;
    collisionCount?: number;
    conditions: Array<{ type: string; status: string; reason: string; message: string }>;
  };
}

export const stored = (object: KObject): Stored => object as unknown as Stored;
