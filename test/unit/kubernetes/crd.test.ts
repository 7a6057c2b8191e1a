import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkKubernetes, yaml } from '../helpers';
import { CrdRegistry } from '../../../server/src/schema/crdRegistry';

const crd = (schemaBody: string) => yaml`
  apiVersion: apiextensions.k8s.io/v1
  kind: CustomResourceDefinition
  metadata: {name: widgets.example.com}
  spec:
    group: example.com
    scope: Namespaced
    names: {kind: Widget, plural: widgets, singular: widget}
    versions:
      - name: v1
        served: true
        storage: true
        schema:
          openAPIV3Schema:
${schemaBody}
`;

const widgetSchema = [
  '            type: object',
  '            properties:',
  '              spec:',
  '                type: object',
  '                required: [size]',
  '                properties:',
  '                  size: {type: integer, minimum: 1}',
  '                  color: {type: string, enum: [red, blue]}',
].join('\n');

test('a CRD in one file validates its custom resources in another', () => {
  const crds = new CrdRegistry();
  assert.deepEqual(checkKubernetes(crd(widgetSchema), '1.35', 'file:///w/crd.yaml', crds), []);
  const found = checkKubernetes(
    yaml`
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: w}
      spec: {size: 0, colour: red}
    `,
    '1.35',
    'file:///w/widget.yaml',
    crds,
  );
  assert.deepEqual(found.map((f) => [f.code, f.text]).sort(), [['invalid-value', '0'], ['unknown-field', 'colour']]);
  assert.match(found.find((f) => f.code === 'unknown-field')!.message, /did you mean "color"/);
});

test('removing the CRD file stops validating its resources', () => {
  const crds = new CrdRegistry();
  checkKubernetes(crd(widgetSchema), '1.35', 'file:///w/crd.yaml', crds);
  assert.equal(crds.remove('file:///w/crd.yaml'), true);
  const found = checkKubernetes('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 0}\n', '1.35', 'file:///w/x.yaml', crds);
  assert.deepEqual(found, []);
});

test('a CRD with a broken schema is reported on the CRD, and its resources do not crash validation', () => {
  const crds = new CrdRegistry();
  const broken = ['            type: object', '            properties:', '              spec: {type: 12}'].join('\n');
  const found = checkKubernetes(crd(broken), '1.35', 'file:///w/crd.yaml', crds);
  assert.ok(found.some((f) => f.code === 'invalid-crd-schema' && f.text === 'openAPIV3Schema'), JSON.stringify(found));
  const instance = checkKubernetes('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 2}\n', '1.35', 'file:///w/x.yaml', crds);
  assert.deepEqual(instance, []);
});
