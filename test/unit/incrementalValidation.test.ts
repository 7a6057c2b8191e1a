import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifestFile } from '../../server/src/documents/manifestFile';
import { ManifestValidator } from '../../server/src/validation/manifestValidator';
import { schemas } from './helpers';

const configMap = (i: number, value = 'v'): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}}\ndata: {k: ${value}}\n`;
const service = (i: number) => `apiVersion: v1\nkind: Service\nmetadata: {name: svc-${i}}\nspec: {type: Cluster, ports: [{port: 80}]}\n`;

test('an edit re-validates only the document that changed; findings elsewhere move with the text', () => {
  const validator = new ManifestValidator(schemas);
  const docs = Array.from({ length: 50 }, (_, i) => (i % 10 === 9 ? service(i) : configMap(i)));
  const first = validator.validate(parseManifestFile('file:///a.yaml', docs.join('---\n')), { kubernetesVersion: '1.35' });
  assert.equal(first.length, 5);
  const before = validator.validatedDocuments;

  // Make document 3 one line longer: only it is validated again, and later findings shift down a line.
  docs[3] = configMap(3, 'changed') + '# one more line\n';
  const second = validator.validate(parseManifestFile('file:///a.yaml', docs.join('---\n')), { kubernetesVersion: '1.35' });
  assert.equal(validator.validatedDocuments - before, 1);
  assert.equal(second.length, 5);
  assert.deepEqual(
    second.map((d) => d.range.start.line),
    first.map((d) => d.range.start.line + 1),
  );
});

test('a different Kubernetes version is validated afresh, not served from another version’s cache', () => {
  const validator = new ManifestValidator(schemas);
  const text = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\nspec: {schedule: "* * * * *", jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: b}]}}}}}\n';
  const in123 = validator.validate(parseManifestFile('file:///c.yaml', text), { kubernetesVersion: '1.23' });
  const in135 = validator.validate(parseManifestFile('file:///c.yaml', text), { kubernetesVersion: '1.35' });
  assert.deepEqual(in123.map((d) => d.code), ['deprecated-api-version']);
  assert.deepEqual(in135.map((d) => d.code), ['removed-api-version']);
});
