import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { assertFinished, ensureCliBuilt, runCli, runJson, tempTree, type JsonFinding } from './harness';

// Two known schema errors: replicas (line 6, value `"3"`) and imagePullPolicy (line 16, `Sometimes`).
const BAD_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "3"
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: Sometimes
`;

// An ExternalName Service: valid, and it selects no pods by design (no cross-reference finding).
const GOOD_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ExternalName
  externalName: web.example.com
  ports:
    - port: 80
`;

// Served by 1.23–1.24 (deprecated there), removed in 1.25.
const V1BETA1_CRONJOB = `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: job
              image: busybox:1.36
`;

before(() => ensureCliBuilt());

function at(f: JsonFinding): string {
  return `${f.file}:${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.code}`;
}

describe('exit codes and the text format', () => {
  test('a valid file: exit 0, no output, a summary on stderr', () => {
    const tree = tempTree({ 'svc.yaml': GOOD_SERVICE });
    try {
      const run = runCli(['check', 'svc.yaml'], tree.dir);
      assertFinished(run, [0]);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'No problems found in 1 file.\n');
    } finally {
      tree.remove();
    }
  });

  test('errors: exit 1, path:line:col: severity code message (1-based), summary on stderr', () => {
    const tree = tempTree({ 'deploy/bad.yaml': BAD_DEPLOYMENT, 'deploy/svc.yaml': GOOD_SERVICE });
    try {
      const run = runCli(['check', 'deploy'], tree.dir);
      assertFinished(run, [1]);
      assert.deepEqual(run.stdout.split('\n'), [
        `${join('deploy', 'bad.yaml')}:6:13: error invalid-type spec.replicas: expected integer, got string "3"`,
        `${join('deploy', 'bad.yaml')}:16:28: error invalid-value spec.template.spec.containers[0].imagePullPolicy: string "Sometimes" is not allowed; expected one of: Always, IfNotPresent, Never.`,
        '',
      ]);
      assert.equal(run.stderr, '2 errors, 0 warnings in 1 file (2 checked).\n');
    } finally {
      tree.remove();
    }
  });

  test('--k8s-version changes the verdict: batch/v1beta1 CronJob is a warning in 1.23, an error in 1.35', () => {
    const tree = tempTree({ 'cron.yaml': V1BETA1_CRONJOB });
    try {
      const old = runCli(['check', '--k8s-version', '1.23', 'cron.yaml'], tree.dir);
      assertFinished(old, [0]);
      assert.match(old.stdout, /^cron\.yaml:1:13: warning deprecated-api-version batch\/v1beta1 CronJob is deprecated and removed in 1\.25; use batch\/v1\.\n$/);
      assert.equal(old.stderr, '0 errors, 1 warning in 1 file (1 checked).\n');

      const current = runCli(['check', '--k8s-version', '1.35', 'cron.yaml'], tree.dir);
      assertFinished(current, [1]);
      assert.match(current.stdout, /^cron\.yaml:1:13: error removed-api-version batch\/v1beta1 CronJob was removed in 1\.25; use batch\/v1\.\n$/);

      // The default is the newest version.
      assert.equal(runCli(['check', 'cron.yaml'], tree.dir).stdout, current.stdout);
    } finally {
      tree.remove();
    }
  });
});

describe('the JSON format', () => {
  test('one array in exactly the DESIGN.md shape, 0-based ranges, paths as given', () => {
    const tree = tempTree({ 'bad.yaml': BAD_DEPLOYMENT, 'svc.yaml': GOOD_SERVICE });
    try {
      const { run, findings } = runJson(['./bad.yaml', 'svc.yaml'], tree.dir);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, '', 'json output keeps stderr quiet');
      assert.ok(Array.isArray(findings));
      assert.deepEqual(findings[0], {
        file: 'bad.yaml',
        range: { start: { line: 5, character: 12 }, end: { line: 5, character: 15 } },
        severity: 'error',
        code: 'invalid-type',
        message: 'spec.replicas: expected integer, got string "3"',
        related: [],
      });
      assert.deepEqual(findings.map(at), ['bad.yaml:5:12-5:15 error invalid-type', 'bad.yaml:15:27-15:36 error invalid-value']);
      for (const f of findings) assert.deepEqual(Object.keys(f), ['file', 'range', 'severity', 'code', 'message', 'related']);
    } finally {
      tree.remove();
    }
  });

  test('no findings: an empty array and exit 0', () => {
    const tree = tempTree({ 'svc.yaml': GOOD_SERVICE });
    try {
      const { run, findings } = runJson(['svc.yaml'], tree.dir);
      assert.equal(run.status, 0);
      assert.deepEqual(findings, []);
    } finally {
      tree.remove();
    }
  });

  test('absolute paths stay absolute', () => {
    const tree = tempTree({ 'bad.yaml': BAD_DEPLOYMENT });
    try {
      const { findings } = runJson([join(tree.dir, 'bad.yaml')]);
      assert.ok(findings.length > 0);
      for (const f of findings) assert.equal(f.file, join(tree.dir, 'bad.yaml'));
    } finally {
      tree.remove();
    }
  });
});

describe('collecting files', () => {
  const BROKEN = 'apiVersion: v1\nkind: Pod\nmetadata: { name: x }\nspec: { containers: 5 }\n';

  test('folders: every *.yaml / *.yml below, sorted, node_modules and .git skipped, other files ignored', () => {
    const tree = tempTree({
      'b.yml': BROKEN,
      'a/z.yaml': BROKEN,
      'a/b/c.yaml': BROKEN,
      'A.YAML': BROKEN,
      'notes.txt': BROKEN,
      'values.json': '{}',
      'node_modules/pkg/bad.yaml': BROKEN,
      'a/node_modules/bad.yaml': BROKEN,
      '.git/config.yaml': BROKEN,
    });
    try {
      const { findings } = runJson(['.'], tree.dir);
      const files = [...new Set(findings.map((f) => f.file))];
      assert.deepEqual(files, ['A.YAML', join('a', 'b', 'c.yaml'), join('a', 'z.yaml'), 'b.yml']);
    } finally {
      tree.remove();
    }
  });

  test('a file named directly is checked whatever its extension, and only once when named twice', () => {
    const tree = tempTree({ 'dir/pod.yaml': BROKEN, 'manifest.txt': BROKEN });
    try {
      const { findings } = runJson(['dir', 'dir/pod.yaml', 'manifest.txt'], tree.dir);
      const perFile = new Map<string, number>();
      for (const f of findings) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
      assert.deepEqual([...perFile.keys()], [join('dir', 'pod.yaml'), 'manifest.txt']);
      assert.equal(perFile.get(join('dir', 'pod.yaml')), perFile.get('manifest.txt'));
    } finally {
      tree.remove();
    }
  });

  test('symbolic links: followed once (a loop does not recurse forever), dangling ones skipped', () => {
    const tree = tempTree({ 'a/pod.yaml': BROKEN });
    try {
      symlinkSync('..', join(tree.dir, 'a', 'loop'));
      symlinkSync(join(tree.dir, 'missing.yaml'), join(tree.dir, 'dangling.yaml'));
      const { findings } = runJson(['.'], tree.dir);
      assert.deepEqual([...new Set(findings.map((f) => f.file))], [join('a', 'pod.yaml')]);
    } finally {
      tree.remove();
    }
  });

  test('an empty folder: nothing to check, exit 0, said on stderr', () => {
    const tree = tempTree({ 'empty/README.md': '# nothing here' });
    try {
      const run = runCli(['check', 'empty'], tree.dir);
      assertFinished(run, [0]);
      assert.equal(run.stderr, 'No YAML files found to check.\n');
    } finally {
      tree.remove();
    }
  });
});

describe('the engine as the CLI drives it', () => {
  const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: { plural: widgets, singular: widget, kind: Widget }
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: integer }
`;
  const widget = (size: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: ${size}\n`;

  test('a CRD in one file validates custom resources in another, whichever comes first', () => {
    const tree = tempTree({ 'a-widget.yaml': widget('"big"'), 'crds/z-crd.yaml': CRD, 'ok-widget.yaml': widget('3') });
    try {
      const { run, findings } = runJson(['.'], tree.dir);
      assert.equal(run.status, 1);
      assert.deepEqual(findings.map(at), ['a-widget.yaml:5:8-5:13 error invalid-type']);
      assert.match(findings[0]!.message, /spec\.size: expected integer/);
    } finally {
      tree.remove();
    }
  });

  test('without its CRD a custom resource is not judged', () => {
    const tree = tempTree({ 'a-widget.yaml': widget('"big"') });
    try {
      const { run, findings } = runJson(['.'], tree.dir);
      assert.equal(run.status, 0);
      assert.deepEqual(findings, []);
    } finally {
      tree.remove();
    }
  });

  test('Compose files are recognised by name (file URIs carry the real file name)', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    restart: sometimes\n';
    const tree = tempTree({ 'compose.yaml': compose, 'app/docker-compose.prod.yml': compose });
    try {
      const { findings } = runJson(['.'], tree.dir);
      assert.deepEqual([...new Set(findings.map((f) => f.file))], [join('app', 'docker-compose.prod.yml'), 'compose.yaml']);
      for (const f of findings) assert.equal(f.range.start.line, 3);
    } finally {
      tree.remove();
    }
  });

  test('a UTF-8 byte-order mark is dropped: positions are those of the text', () => {
    const tree = tempTree({ 'bom.yaml': '\uFEFF' + BAD_DEPLOYMENT, 'plain.yaml': BAD_DEPLOYMENT });
    try {
      const { findings } = runJson(['.'], tree.dir);
      const bom = findings.filter((f) => f.file === 'bom.yaml').map((f) => JSON.stringify(f.range));
      const plain = findings.filter((f) => f.file === 'plain.yaml').map((f) => JSON.stringify(f.range));
      assert.equal(bom.length, 2);
      assert.deepEqual(bom, plain);
    } finally {
      tree.remove();
    }
  });
});
