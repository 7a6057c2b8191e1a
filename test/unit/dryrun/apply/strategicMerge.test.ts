import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SchemaNavigator } from '../../../../server/src/schema/schemaNavigator';
import { PatchMeta } from '../../../../server/src/dryrun/k8s/strategicMerge/patchMeta';
import { isEmptyPatch, threeWayMergePatch } from '../../../../server/src/dryrun/k8s/strategicMerge/createPatch';
import { applyStrategicPatch } from '../../../../server/src/dryrun/k8s/strategicMerge/applyPatch';
import { cloneJson, type JsonMap } from '../../../../server/src/dryrun/k8s/jsonValue';
import { schemas } from '../../helpers';

const navigator = new SchemaNavigator(schemas.forVersion('1.35'));
const deployment = PatchMeta.forKind(navigator, 'apps/v1', 'Deployment');

interface Case {
  name: string;
  original: JsonMap;
  modified: JsonMap;
  current: JsonMap;
  /** Whether kubectl would send a patch (configured) or not (unchanged). */
  sends: boolean;
  result?: JsonMap;
  meta?: PatchMeta;
}

/** Computes kubectl's three-way patch and the server's merge of it into `current`. */
function check({ name, original, modified, current, sends, result, meta = deployment }: Case): void {
  const patch = threeWayMergePatch(original, modified, current, meta);
  assert.equal(!isEmptyPatch(patch), sends, `${name}: patch ${JSON.stringify(patch)}`);
  if (result) {
    const merged = applyStrategicPatch(applyStrategicPatch(cloneJson(current), cloneJson(patch.deletions), meta), cloneJson(patch.delta), meta);
    assert.deepEqual(merged, result, name);
  }
}

const podSpec = (containers: unknown[], extra: JsonMap = {}) => ({ spec: { template: { spec: { containers, ...extra } } } });

test('three-way strategic merge: what is sent and what the server stores', () => {
  const cases: Case[] = [
    {
      name: 'identical manifest, defaulted live: nothing sent',
      original: { spec: { replicas: 3 } },
      modified: { spec: { replicas: 3 } },
      current: { spec: { replicas: 3, revisionHistoryLimit: 10 } },
      sends: false,
    },
    {
      name: 'a field removed from the manifest is deleted only if last-applied had it',
      original: { spec: { replicas: 5 } },
      modified: { spec: {} },
      current: { spec: { replicas: 5, paused: false } },
      sends: true,
      result: { spec: { paused: false } },
    },
    {
      name: 'a field set by someone else (never in last-applied) survives',
      original: { spec: {} },
      modified: { spec: {} },
      current: { spec: { replicas: 7 } },
      sends: false,
    },
    {
      name: 'JSON equality: "0.5" never equals the stored "500m"',
      original: podSpec([{ name: 'app', resources: { requests: { cpu: '0.5' } } }]),
      modified: podSpec([{ name: 'app', resources: { requests: { cpu: '0.5' } } }]),
      current: podSpec([{ name: 'app', resources: { requests: { cpu: '500m' } } }]),
      sends: true,
    },
    {
      name: 'reordering a merge list alone sends $setElementOrder and the server reorders',
      original: podSpec([{ name: 'app', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }]),
      modified: podSpec([{ name: 'app', env: [{ name: 'B', value: '2' }, { name: 'A', value: '1' }] }]),
      current: podSpec([{ name: 'app', image: 'x', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }]),
      sends: true,
      result: podSpec([{ name: 'app', image: 'x', env: [{ name: 'B', value: '2' }, { name: 'A', value: '1' }] }]),
    },
    {
      name: 'a merge-list item dropped from the manifest is deleted by its merge key, the others keep server fields',
      original: podSpec([{ name: 'app' }, { name: 'sidecar' }]),
      modified: podSpec([{ name: 'app' }]),
      current: podSpec([{ name: 'app', imagePullPolicy: 'Always' }, { name: 'sidecar', imagePullPolicy: 'Always' }]),
      sends: true,
      result: podSpec([{ name: 'app', imagePullPolicy: 'Always' }]),
    },
    {
      name: 'retainKeys: switching strategy type to Recreate drops the defaulted rollingUpdate',
      original: { spec: {} },
      modified: { spec: { strategy: { type: 'Recreate' } } },
      current: { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } } },
      sends: true,
      result: { spec: { strategy: { type: 'Recreate' } } },
    },
    {
      name: 'retainKeys on volumes: switching the source type drops the old source',
      original: podSpec([], { volumes: [{ name: 'data', emptyDir: {} }] }),
      modified: podSpec([], { volumes: [{ name: 'data', configMap: { name: 'cfg' } }] }),
      current: podSpec([], { volumes: [{ name: 'data', emptyDir: {} }] }),
      sends: true,
      result: podSpec([], { volumes: [{ name: 'data', configMap: { name: 'cfg' } }] }),
    },
    {
      name: 'atomic lists (args) are replaced wholesale',
      original: podSpec([{ name: 'app', args: ['a', 'b'] }]),
      modified: podSpec([{ name: 'app', args: ['b'] }]),
      current: podSpec([{ name: 'app', args: ['a', 'b'] }]),
      sends: true,
      result: podSpec([{ name: 'app', args: ['b'] }]),
    },
    {
      name: 'primitive merge list (finalizers): removal through $deleteFromPrimitiveList, server entries kept',
      original: { metadata: { finalizers: ['a', 'b'] } },
      modified: { metadata: { finalizers: ['a'] } },
      current: { metadata: { finalizers: ['a', 'b', 'server'] } },
      sends: true,
      result: { metadata: { finalizers: ['a', 'server'] } },
    },
    {
      name: 'custom resources without a schema: JSON merge patch, lists atomic',
      original: { spec: { items: [{ name: 'a' }] } },
      modified: { spec: { items: [{ name: 'b' }] } },
      current: { spec: { items: [{ name: 'a', extra: 1 }], other: true } },
      sends: true,
      result: { spec: { items: [{ name: 'b' }], other: true } },
      meta: PatchMeta.untyped(),
    },
  ];
  for (const c of cases) check(c);
});
