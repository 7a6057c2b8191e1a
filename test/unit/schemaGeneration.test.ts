import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { schemas } from './helpers';

const root = join(__dirname, '../..');
const committed = join(root, 'schemas');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

test('regenerating schemas/ from the same upstream input is byte-identical', () => {
  const out = mkdtempSync(join(tmpdir(), 'shipshape-schemas-'));
  try {
    execFileSync(process.execPath, [join(root, 'scripts/generate-schemas.mjs'), '--out', out], { stdio: 'pipe' });
    const expected = listFiles(committed).map((f) => relative(committed, f)).sort();
    const actual = listFiles(out).map((f) => relative(out, f)).sort();
    assert.deepEqual(actual, expected);
    for (const file of expected) {
      assert.ok(readFileSync(join(out, file)).equals(readFileSync(join(committed, file))), `${file} differs from a fresh generation`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('all 13 versions fit in 15 MB', () => {
  const bytes = listFiles(committed).reduce((n, f) => n + statSync(f).size, 0);
  assert.ok(bytes <= 15 * 1024 * 1024, `schemas/ is ${bytes} bytes`);
  assert.equal(schemas.supportedVersions.length, 13);
  assert.equal(schemas.supportedVersions[0], '1.23');
  assert.equal(schemas.supportedVersions.at(-1), '1.35');
});

test('generated definitions keep descriptions, formats, enums, defaults, required and patch metadata', () => {
  const v = schemas.forVersion('1.35');
  const container = v.definition('io.k8s.api.core.v1.Container') as any;
  assert.match(container.properties.image.description, /Container image name/);
  assert.deepEqual(container.properties.imagePullPolicy.enum, ['Always', 'IfNotPresent', 'Never']);
  assert.deepEqual(container.required, ['name']);
  assert.equal(container.properties.ports['x-kubernetes-patch-merge-key'], 'containerPort');
  assert.equal(container.properties.ports['x-kubernetes-patch-strategy'], 'merge');
  assert.deepEqual(container.properties.ports['x-kubernetes-list-map-keys'], ['containerPort', 'protocol']);
  assert.equal(container.properties.ports['x-kubernetes-list-type'], 'map');
  const port = v.definition('io.k8s.api.core.v1.ContainerPort') as any;
  assert.equal(port.properties.containerPort.format, 'int32');
  assert.equal(port.properties.protocol.default, 'TCP');
  const deployment = v.definition('io.k8s.api.apps.v1.Deployment') as any;
  assert.deepEqual(deployment['x-kubernetes-group-version-kind'], [{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
  const intOrString = v.definition('io.k8s.apimachinery.pkg.util.intstr.IntOrString') as any;
  assert.equal(intOrString.format, 'int-or-string');
  assert.equal(v.kindInfo('apps/v1', 'Deployment')?.namespaced, true);
  assert.equal(v.kindInfo('v1', 'Namespace')?.namespaced, false);
});

test('definitions identical across versions are stored once', () => {
  const a = schemas.forVersion('1.34').definition('io.k8s.api.core.v1.ConfigMap');
  const b = schemas.forVersion('1.35').definition('io.k8s.api.core.v1.ConfigMap');
  assert.ok(a && a === b, 'the same stored variant object serves both versions');
});
