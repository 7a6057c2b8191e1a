import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apply, applySequence, at, lines, yaml } from './applyHelpers';
import { applyObjects } from '../../../../server/src/dryrun/k8s/applyObjects';
import { schemas } from '../../helpers';

/** A Deployment `web` (selector/template `app: web`, container `app`) with the given spec lines. */
function deployment({ replicas = '3', image = 'nginx:1.25', extra = '', container = '', labels = '' } = {}): string {
  return yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      ${labels ? `labels: ${labels}` : ''}
    spec:
      ${replicas ? `replicas: ${replicas}` : ''}
      selector: {matchLabels: {app: web}}
      ${extra}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
          - name: app
            image: ${image}
            ${container}
  `;
}

const namespace = yaml`
  apiVersion: v1
  kind: Namespace
  metadata: {name: shop}
`;
const shopDeployment = deployment().replace('name: web', 'name: web\n  namespace: shop');
const shopService = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: shop}
  spec:
    selector: {app: web}
    ports: [{port: 80, targetPort: 8080}]
`;

/** Applies `before` streams (each committed), then `text`, and compares kubectl's lines. */
function check(text: string, expected: string[], before: string[] = []): void {
  const result = applySequence([...before, text]);
  assert.deepEqual(lines(result), expected);
}

test('K1: first apply of a stream creates everything, Namespace first', () => {
  check([namespace, shopDeployment, shopService].join('---\n'), ['namespace/shop created', 'deployment.apps/web created', 'service/web created']);
});

test('K1: with the Namespace last, its contents fail (no reordering) and the Namespace is created', () => {
  const result = apply([shopDeployment, shopService, namespace].join('---\n'));
  assert.deepEqual(lines(result), [
    'Error from server (NotFound): error when creating "all.yaml": namespaces "shop" not found',
    'Error from server (NotFound): error when creating "all.yaml": namespaces "shop" not found',
    'namespace/shop created',
  ]);
  assert.deepEqual(result.applied.map((a) => a.plan.action), ['rejected', 'rejected', 'created']);
  assert.deepEqual(result.state.map((o) => o.kind), ['Namespace']);
});

test('K2: re-applying identical manifests is unchanged everywhere (Service clusterIP preserved)', () => {
  const stream = [namespace, shopDeployment, shopService].join('---\n');
  // Live as the controllers leave it: status and the revision annotation, none of it in last-applied.
  const live = apply(stream).state.map((o) =>
    o.kind === 'Deployment'
      ? { ...o, metadata: { ...(o.metadata as object), annotations: { ...(at(o, 'metadata.annotations') as object), 'deployment.kubernetes.io/revision': '1' } }, status: { replicas: 3, availableReplicas: 3, observedGeneration: 1 } }
      : o,
  );
  const second = apply(stream, live);
  assert.deepEqual(lines(second), ['namespace/shop unchanged', 'deployment.apps/web unchanged', 'service/web unchanged']);
  assert.deepEqual(second.state, live, 'nothing written');
});

test('K4: a label-only change is configured and bumps generation (the annotation changed), spec untouched', () => {
  const result = applySequence([deployment(), deployment({ labels: '{team: payments}' })]);
  assert.deepEqual(lines(result), ['deployment.apps/web configured']);
  const [web] = result.applied;
  assert.equal(at(web!.after, 'metadata.generation'), 2);
  assert.deepEqual(at(web!.after, 'spec'), at(web!.before, 'spec'));
  assert.deepEqual(web!.plan.diff, [{ path: 'metadata.labels.team', to: 'payments' }]);
});

test('K15: removing replicas deletes it (last-applied had it) and the server re-defaults to 1', () => {
  const result = applySequence([deployment({ replicas: '5' }), deployment({ replicas: '' })]);
  assert.deepEqual(lines(result), ['deployment.apps/web configured']);
  assert.equal(at(result.applied[0]!.after, 'spec.replicas'), 1);
  assert.deepEqual(result.applied[0]!.plan.diff, [{ path: 'spec.replicas', from: 5, to: 1 }]);
});

test('replicas set by someone else (kubectl scale) survive a manifest that never had them', () => {
  const first = apply(deployment({ replicas: '' }));
  const scaled = first.state.map((o) => (o.kind === 'Deployment' ? { ...o, spec: { ...(o.spec as object), replicas: 7 } } : o));
  const result = apply(deployment({ replicas: '' }), scaled);
  assert.deepEqual(lines(result), ['deployment.apps/web unchanged']);
});

test('K18: reordering env is configured and the stored order follows the manifest', () => {
  const ab = deployment({ container: 'env: [{name: A, value: "1"}, {name: B, value: "2"}]' });
  const ba = deployment({ container: 'env: [{name: B, value: "2"}, {name: A, value: "1"}]' });
  const result = applySequence([ab, ba]);
  assert.deepEqual(lines(result), ['deployment.apps/web configured']);
  const env = at(result.applied[0]!.after, 'spec.template.spec.containers.0.env') as Array<{ name: string }>;
  assert.deepEqual(env.map((e) => e.name), ['B', 'A']);
  assert.deepEqual(result.applied[0]!.plan.diff, [{ path: 'spec.template.spec.containers[name=app].env', from: ['A', 'B'], to: ['B', 'A'] }]);
});

test('K25: a ConfigMap change configures only the ConfigMap; a checksum annotation configures the Deployment too', () => {
  const configMap = (level: string) => yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: app-config}
    data: {LOG_LEVEL: ${level}}
  `;
  const withChecksum = (sum: string) => deployment().replace('metadata: {labels: {app: web}}', `metadata: {labels: {app: web}, annotations: {checksum/config: "${sum}"}}`);
  check([configMap('debug'), deployment()].join('---\n'), ['configmap/app-config configured', 'deployment.apps/web unchanged'], [[configMap('info'), deployment()].join('---\n')]);
  check([configMap('debug'), withChecksum('b2')].join('---\n'), ['configmap/app-config configured', 'deployment.apps/web configured'], [[configMap('info'), withChecksum('a1')].join('---\n')]);
});

test('K28: cpu "0.5" against a stored 500m is configured on every apply, stored canonical, no generation bump', () => {
  const half = deployment({ container: 'resources: {requests: {cpu: "0.5"}}' });
  const first = apply(half);
  assert.equal(at(first.state[0], 'spec.template.spec.containers.0.resources.requests.cpu'), '500m');
  const second = apply(half, first.state);
  const third = apply(half, second.state);
  assert.deepEqual([...lines(second), ...lines(third)], ['deployment.apps/web configured', 'deployment.apps/web configured']);
  assert.equal(at(third.state[0], 'metadata.generation'), 1);
  assert.equal(at(third.state[0], 'metadata.resourceVersion'), at(first.state[0], 'metadata.resourceVersion'), 'the same bytes are not written');
  assert.deepEqual(third.applied[0]!.plan.diff, []);
  check(deployment({ container: 'resources: {requests: {cpu: 500m}}' }), ['deployment.apps/web unchanged'], [deployment({ container: 'resources: {requests: {cpu: 500m}}' })]);
});

test('an object without the last-applied annotation is patched with a warning and nothing is deleted', () => {
  const first = apply(deployment({ replicas: '5' }));
  const bare = first.state.map((o) => ({ ...o, metadata: { ...(o.metadata as object), annotations: {} } }));
  const result = apply(deployment({ replicas: '' }), bare);
  const [web] = result.applied;
  assert.equal(web!.plan.message, 'deployment.apps/web configured');
  assert.deepEqual(web!.plan.warnings, [
    'Warning: resource deployments.apps/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.',
  ]);
  assert.equal(at(web!.after, 'spec.replicas'), 5, 'nothing can be deleted without last-applied');
});

test('Service: re-apply is unchanged, the allocated clusterIP is deterministic, NodePorts are kept', () => {
  const nodePort = shopService.replace('namespace: shop', 'namespace: default').replace('selector:', 'type: NodePort\n  selector:');
  const first = apply(nodePort);
  const again = apply(nodePort);
  const spec = at(first.state[0], 'spec') as Record<string, unknown>;
  assert.deepEqual(spec.clusterIPs, [spec.clusterIP]);
  assert.match(String(spec.clusterIP), /^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
  assert.deepEqual(at(again.state[0], 'spec'), spec, 'same inputs, same allocation');
  const port = (spec.ports as Array<Record<string, unknown>>)[0]!;
  assert.ok(Number(port.nodePort) >= 30000 && Number(port.nodePort) <= 32767);
  assert.deepEqual(lines(apply(nodePort, first.state)), ['service/web unchanged']);
  const back = apply(nodePort.replace('type: NodePort', 'type: ClusterIP'), first.state);
  assert.deepEqual(lines(back), ['service/web configured']);
  assert.equal(at(back.state[0], 'spec.ports.0.nodePort'), undefined, 'NodePort → ClusterIP drops the unchanged node port');
  assert.equal(at(back.state[0], 'spec.clusterIP'), spec.clusterIP);
});

test('bad input never throws: each problem is a rejected line with kubectl-like text', () => {
  const result = apply(yaml`
    kind: ConfigMap
    metadata: {name: a}
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: {generateName: job-}
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: {labels: {a: b}}
    ---
    apiVersion: extensions/v1beta1
    kind: Deployment
    metadata: {name: old}
    ---
    just a string
  `);
  assert.deepEqual(lines(result), [
    'error: error validating "all.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false',
    'error: from job-: cannot use generate name with apply',
    'error: error when retrieving current configuration of:\nResource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\nName: "", Namespace: "default"\nfrom server for: "all.yaml": resource name may not be empty',
    'error: resource mapping not found for name: "old" namespace: "" from "all.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first',
    'error: error validating "all.yaml": error validating data: the document is not a Kubernetes object (a mapping with apiVersion, kind and metadata.name)',
  ]);
  assert.ok(result.applied.every((a) => a.plan.action === 'rejected' && a.after === undefined));
});

test('objects the simulator cannot process become rejections, not exceptions', () => {
  const cyclic: Record<string, unknown> = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'loop' } };
  cyclic.data = { self: cyclic };
  const huge = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'big' }, spec: { limits: [{ type: 'Container', max: { cpu: '1e999999999' } }] } };
  const result = applyObjects([], [{ value: cyclic }, { value: huge }, { value: null as never }], { schemas: schemas.forVersion('1.35'), k8sVersion: '1.35' });
  assert.deepEqual(result.applied.map((a) => a.plan.action), ['rejected', 'created', 'rejected']);
  assert.match(result.applied[0]!.plan.message, /^error: the simulator could not process this object/);
});

test('custom resources are accepted as they are: namespaced unless their CRD says Cluster, no defaults', () => {
  const result = apply(yaml`
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata: {name: clusterwidgets.example.com}
    spec:
      group: example.com
      scope: Cluster
      names: {kind: ClusterWidget, plural: clusterwidgets}
      versions: [{name: v1, served: true, storage: true}]
    ---
    apiVersion: example.com/v1
    kind: ClusterWidget
    metadata: {name: big}
    spec: {size: 3}
    ---
    apiVersion: example.com/v1
    kind: Widget
    metadata: {name: small}
    spec: {size: 1}
  `);
  assert.deepEqual(lines(result), ['customresourcedefinition.apiextensions.k8s.io/clusterwidgets.example.com created', 'clusterwidget.example.com/big created', 'widget.example.com/small created']);
  assert.deepEqual(result.applied.map((a) => a.plan.namespace), [undefined, undefined, 'default']);
  assert.deepEqual(at(result.applied[2]!.after, 'spec'), { size: 1 });
  assert.equal(at(result.applied[2]!.after, 'metadata.generation'), 1);
});
