import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apply, lines, yaml } from './applyHelpers';

/** A Deployment `web` whose spec gets `spec` (YAML lines at spec level) and whose template labels are `labels`. */
function deployment(specLines = '', labels = '{app: web}', podSpec = ''): string {
  const spec = specLines.split('\n').join('\n      ');
  return yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: ${labels}}
        spec:
          containers: [{name: app, image: nginx:1.25}]
          ${podSpec}
      ${spec}
  `;
}

/** Applies `first` (must succeed) then `second`; compares kubectl's line for the second apply. */
function check(first: string | undefined, second: string, expected: string): void {
  const live = first === undefined ? [] : apply(first).state;
  if (first !== undefined) assert.equal(live.length, 1, 'the first manifest applies');
  assert.deepEqual(lines(apply(second, live)), [expected]);
}

test('K14 and §2: invalid Deployments, on create', () => {
  const cases: Array<[string, string]> = [
    [deployment('strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}'), 'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'],
    [deployment('strategy: {rollingUpdate: {maxSurge: "0%", maxUnavailable: "0%"}}'), 'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0'],
    [deployment('strategy: {rollingUpdate: {maxUnavailable: 150%}}'), 'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%'],
    [deployment('', '{app: api}'), 'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`'],
    [deployment('strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}'), "The Deployment \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    [deployment('minReadySeconds: 30\nprogressDeadlineSeconds: 30'), 'The Deployment "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds'],
    [deployment('', '{app: web}', 'restartPolicy: OnFailure'), 'The Deployment "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    [deployment('', '{app: web}', 'activeDeadlineSeconds: 60'), 'The Deployment "web" is invalid: spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported'],
    [deployment('replicas: -1'), 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [
      deployment().replace('selector: {matchLabels: {app: web}}', 'selector: {matchLabels: {}}'),
      'The Deployment "web" is invalid: spec.selector: Invalid value: {"matchLabels":{}}: empty selector is invalid for deployment',
    ],
    [
      deployment('strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}', '{app: api}'),
      'The Deployment "web" is invalid: \n* spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`\n* spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ],
  ];
  for (const [manifest, message] of cases) check(undefined, manifest, message);
  // Percentages that only round to 0 are allowed (the fencepost handles them), and maxSurge may exceed 100%.
  check(undefined, deployment('strategy: {rollingUpdate: {maxSurge: "0%", maxUnavailable: "25%"}}'), 'deployment.apps/web created');
  check(undefined, deployment('strategy: {rollingUpdate: {maxSurge: 200%}}'), 'deployment.apps/web created');
});

test('K14 and §2: Deployment updates', () => {
  const changedSelector = deployment('', '{app: web2}').replace('{matchLabels: {app: web}}', '{matchLabels: {app: web2}}');
  check(deployment(), changedSelector, 'The Deployment "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable');
  check(
    deployment(),
    deployment().replace('{matchLabels: {app: web}}', '{matchLabels: {app: web2}}'),
    'The Deployment "web" is invalid: \n* spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`\n* spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable',
  );
  // Recreate where live has the defaulted rollingUpdate: $retainKeys drops it.
  check(deployment(), deployment('strategy: {type: Recreate}'), 'deployment.apps/web configured');
});

/** A StatefulSet `web` with one claim template of `storage`. */
function statefulSet({ storage = '10Gi', serviceName = 'web', policy = '', claimLabels = '' } = {}): string {
  return yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: web}
    spec:
      serviceName: ${serviceName}
      ${policy}
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec: {containers: [{name: app, image: nginx:1.25}]}
      volumeClaimTemplates:
      - metadata: {name: data${claimLabels}}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: ${storage}}}
  `;
}

const STATEFULSET_FORBIDDEN =
  "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

test('K21: StatefulSet fields outside the allowed list are forbidden on update', () => {
  check(statefulSet(), statefulSet({ storage: '20Gi' }), STATEFULSET_FORBIDDEN);
  check(statefulSet(), statefulSet({ serviceName: 'other' }), STATEFULSET_FORBIDDEN);
  check(statefulSet(), statefulSet({ policy: 'podManagementPolicy: Parallel' }), STATEFULSET_FORBIDDEN);
  check(statefulSet(), statefulSet({ claimLabels: ', labels: {tier: db}' }), STATEFULSET_FORBIDDEN);
  // Claim templates are atomic and the server adds fields to them: every apply sends them, and they compare equal.
  check(statefulSet(), statefulSet(), 'statefulset.apps/web configured');
  check(statefulSet(), statefulSet({ storage: '10240Mi' }), 'statefulset.apps/web configured');
  check(statefulSet(), statefulSet({ policy: 'minReadySeconds: 5' }), 'statefulset.apps/web configured');
  check(undefined, statefulSet({ policy: 'updateStrategy: {rollingUpdate: {maxUnavailable: 0}}' }), 'The StatefulSet "web" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: cannot be 0');
});

/** A DaemonSet `agent` with an update strategy block. */
function daemonSet(strategy = ''): string {
  return yaml`
    apiVersion: apps/v1
    kind: DaemonSet
    metadata: {name: agent}
    spec:
      selector: {matchLabels: {app: agent}}
      ${strategy}
      template:
        metadata: {labels: {app: agent}}
        spec: {containers: [{name: agent, image: agent:1}]}
  `;
}

test('§2: DaemonSet rolling-update budgets and selector immutability', () => {
  check(undefined, daemonSet('updateStrategy: {rollingUpdate: {maxSurge: 1}}'), 'The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero');
  check(undefined, daemonSet('updateStrategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}'), 'The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0');
  check(undefined, daemonSet('updateStrategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}'), 'daemonset.apps/agent created');
  check(
    daemonSet(),
    daemonSet().replace('{matchLabels: {app: agent}}', '{matchLabels: {app: agent, tier: x}}').replace('labels: {app: agent}', 'labels: {app: agent, tier: x}'),
    'The DaemonSet "agent" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"agent","tier":"x"}}: field is immutable',
  );
});

test('§2: ReplicaSet selector is immutable and its template must match', () => {
  const replicaSet = (label: string) => yaml`
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata: {name: rs}
    spec:
      selector: {matchLabels: {app: ${label}}}
      template:
        metadata: {labels: {app: ${label}}}
        spec: {containers: [{name: app, image: nginx}]}
  `;
  check(replicaSet('a'), replicaSet('b'), 'The ReplicaSet "rs" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"b"}}: field is immutable');
});
