import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseManifestFile } from '../../../server/src/documents/manifestFile';
import { codeActions, FIXABLE_CODES } from '../../../server/src/codeActions/codeActions';
import { schemas } from '../helpers';
import { K8S_RULES } from '../../../server/src/crossref/k8s/rules';
import { COMPOSE_RULE_DESCRIPTIONS } from '../../../server/src/crossref/compose/rules';
import { applyEdits, FixWorkspace, ROOT } from './fixHelpers';

const text = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec:', '  containers:', '    - name: app', '      imgae: nginx', ''].join('\n');

function request(source: string, diagnostics: Diagnostic[], range = diagnostics[0]!.range) {
  return { file: parseManifestFile(ROOT + 'pod.yaml', source), diagnostics, range, schemas, kubernetesVersion: '1.35' };
}

function unknownField(): Diagnostic {
  const [diagnostic] = new FixWorkspace({ 'pod.yaml': text }).diagnostics('pod.yaml');
  assert.equal(diagnostic?.code, 'unknown-field');
  return diagnostic!;
}

test('the fix is computed from the diagnostic the client sends back, data included', () => {
  const diagnostic = JSON.parse(JSON.stringify(unknownField())) as Diagnostic; // as it comes over the wire
  const [action] = codeActions(request(text, [diagnostic]));
  assert.equal(action?.title, 'Change "imgae" to "image"');
  assert.equal(applyEdits(text, action!.edit!.changes![ROOT + 'pod.yaml']!), text.replace('imgae', 'image'));
});

test('no fix for a stale diagnostic: the text under it changed since it was reported', () => {
  const moved = text.replace('      imgae: nginx', '      image: nginx\n      imgae: nginx');
  assert.deepEqual(codeActions(request(moved, [unknownField()])), []);
});

test('no fix without the data the validator attaches (a client that drops it)', () => {
  const { data: _data, ...bare } = unknownField();
  assert.deepEqual(codeActions(request(text, [bare])), []);
});

test('no fix for diagnostics of other sources, outside the asked range, or in templated files', () => {
  const diagnostic = unknownField();
  assert.deepEqual(codeActions(request(text, [{ ...diagnostic, source: 'yaml' }])), []);
  assert.deepEqual(codeActions(request(text, [diagnostic], { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } })), []);
  const templated = text.replace('name: web', 'name: {{ .Release.Name }}');
  assert.deepEqual(codeActions(request(templated, [diagnostic])), []);
});

test('garbage data never throws: the fix is just left out', () => {
  const diagnostic = { ...unknownField(), data: { path: [{}], field: 3, candidates: 'image' } };
  assert.deepEqual(codeActions(request(text, [diagnostic])), []);
  const missing: Diagnostic = { ...unknownField(), code: 'missing-required-field', data: { path: ['spec', 'nowhere'], field: 'x' } };
  assert.deepEqual(codeActions(request(text, [missing])), []);
});

test('every fixable code is one the engine reports (a renamed rule would silently lose its fix)', () => {
  const reported = new Set([
    ...K8S_RULES.map((r) => r.name),
    ...Object.keys(COMPOSE_RULE_DESCRIPTIONS),
    'unknown-field',
    'missing-required-field',
    'removed-api-version',
    'deprecated-api-version',
    'unavailable-api-version',
  ]);
  assert.deepEqual(FIXABLE_CODES.filter((code) => !reported.has(code)), []);
  assert.equal(FIXABLE_CODES.length, 14);
});
