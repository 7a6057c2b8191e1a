import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseManifestFile } from '../../../server/src/documents/manifestFile';
import { ManifestWorkspace } from '../../../server/src/workspace/manifestWorkspace';
import { schemas, yaml } from '../helpers';

const KUSTOMIZATION = yaml`
  apiVersion: kustomize.config.k8s.io/v1beta1
  kind: Kustomization
  resources:
    - deployment.yaml
    - ../base
    - missing.yaml
    - github.com/org/repo//deploy?ref=v1
    - https://example.com/remote.yaml
  components:
    - ../components/gone
  patches:
    - path: patch.yaml
    - path: nope-patch.yaml
  configMapGenerator:
    - name: app
      files:
        - config.properties
        - key=absent.txt
      envs:
        - app.env
`;

function findings(dir: string, text: string) {
  const uri = pathToFileURL(join(dir, 'overlay', 'kustomization.yaml')).href;
  const file = parseManifestFile(uri, text);
  const ws = new ManifestWorkspace(schemas);
  ws.update(file);
  return ws
    .diagnostics(uri, { kubernetesVersion: '1.35', rules: {} })
    .filter((d) => d.code === 'kustomization-path-missing')
    .map((d) => text.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character));
}

test('kustomization-path-missing: every local path must exist; remote bases are not checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-kust-'));
  try {
    mkdirSync(join(dir, 'overlay'));
    mkdirSync(join(dir, 'base'));
    for (const f of ['deployment.yaml', 'patch.yaml', 'config.properties', 'app.env']) writeFileSync(join(dir, 'overlay', f), 'x: 1\n');
    assert.deepEqual(findings(dir, KUSTOMIZATION), ['missing.yaml', '../components/gone', 'nope-patch.yaml', 'key=absent.txt']);
    // Once the files exist, nothing is reported.
    writeFileSync(join(dir, 'overlay', 'missing.yaml'), 'x: 1\n');
    writeFileSync(join(dir, 'overlay', 'nope-patch.yaml'), 'x: 1\n');
    writeFileSync(join(dir, 'overlay', 'absent.txt'), 'x\n');
    mkdirSync(join(dir, 'components', 'gone'), { recursive: true });
    assert.deepEqual(findings(dir, KUSTOMIZATION), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kustomization-path-missing: a malformed kustomization is not a crash, and other files are not checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-kust-'));
  try {
    mkdirSync(join(dir, 'overlay'));
    assert.deepEqual(findings(dir, 'resources: 3\npatches: [{path: 7}, null]\nconfigMapGenerator: [x]\n'), []);
    const ws = new ManifestWorkspace(schemas);
    const uri = pathToFileURL(join(dir, 'overlay', 'notes.yaml')).href;
    ws.update(parseManifestFile(uri, 'resources: [missing.yaml]\n'));
    assert.deepEqual(ws.diagnostics(uri, { kubernetesVersion: '1.35', rules: {} }), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
