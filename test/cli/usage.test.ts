import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertFinished, ensureCliBuilt, repoRoot, runCli, tempTree } from './harness';

const packageVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const supported = (JSON.parse(readFileSync(join(repoRoot, 'schemas', 'index.json'), 'utf8')) as { kubernetesVersions: string[] }).kubernetesVersions;

const VALID = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
`;

let tree: ReturnType<typeof tempTree>;
before(() => {
  ensureCliBuilt();
  tree = tempTree({ 'ok.yaml': VALID });
});
after(() => tree.remove());

/** A usage error: exit 2, nothing on stdout, the reason and a pointer to --help on stderr. */
function assertUsageError(args: string[], reason: RegExp): void {
  const run = runCli(args, tree.dir);
  assertFinished(run, [2]);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, reason);
}

describe('shipshape --help / --version', () => {
  test('--help prints usage, every option and the exit codes on stdout, exit 0', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const run = runCli([flag]);
      assertFinished(run, [0]);
      assert.match(run.stdout, /Usage:\n\s+shipshape check \[--k8s-version 1\.xx\] \[--format text\|json\|sarif\] PATH\.\.\./);
      for (const option of ['--k8s-version', '--format', '--help', '--version', 'Exit status']) assert.ok(run.stdout.includes(option), option);
      assert.ok(run.stdout.includes(supported.join(', ')), 'lists the supported Kubernetes versions');
    }
  });

  test('--help wins over an otherwise invalid command line', () => {
    const run = runCli(['check', '--format', 'xml', '--help']);
    assertFinished(run, [0]);
    assert.match(run.stdout, /Usage:/);
  });

  test('--version prints the package.json version alone', () => {
    const run = runCli(['--version']);
    assertFinished(run, [0]);
    assert.equal(run.stdout, `${packageVersion}\n`);
  });
});

describe('usage errors exit 2', () => {
  test('no command', () => assertUsageError([], /missing command/));
  test('unknown command', () => assertUsageError(['lint', 'ok.yaml'], /unknown command "lint"/));
  test('an option before the command', () => assertUsageError(['--format', 'json'], /expected a command/));
  test('check without paths', () => assertUsageError(['check'], /at least one file or folder/));
  test('unknown option', () => assertUsageError(['check', '--strict', 'ok.yaml'], /unknown option "--strict"/));
  test('option without its value', () => assertUsageError(['check', 'ok.yaml', '--format'], /--format needs a value/));
  test('unknown format', () => assertUsageError(['check', '--format', 'xml', 'ok.yaml'], /unknown --format "xml"; use one of: text, json, sarif/));
  test('standard input is not supported', () => assertUsageError(['check', '-'], /standard input/));

  test('unsupported --k8s-version lists the supported versions', () => {
    for (const version of ['1.22', '1.99', 'latest', '2']) {
      const run = runCli(['check', '--k8s-version', version, 'ok.yaml'], tree.dir);
      assertFinished(run, [2]);
      assert.ok(run.stderr.includes(`unsupported --k8s-version "${version}"; supported versions: ${supported.join(', ')}.`), run.stderr);
      assert.match(run.stderr, /shipshape --help/);
    }
  });

  test('--k8s-version accepts what kubectl prints (v1.30, 1.30.4) and the = form', () => {
    for (const args of [['--k8s-version', 'v1.30'], ['--k8s-version', '1.30.4'], ['--k8s-version=1.30'], ['--format=json']]) {
      const run = runCli(['check', ...args, 'ok.yaml'], tree.dir);
      assertFinished(run, [0]);
    }
  });

  test('plan usage errors: --commit without --state, --prune without -l, a bad selector or format, no paths', () => {
    assertUsageError(['plan', '--commit', 'ok.yaml'], /--commit needs --state/);
    assertUsageError(['plan', '--prune', 'ok.yaml'], /--prune needs a label selector/);
    assertUsageError(['plan', '-l', 'app=we b', 'ok.yaml'], /invalid label selector/);
    assertUsageError(['plan', '--format', 'sarif', 'ok.yaml'], /unknown --format "sarif" for plan/);
    assertUsageError(['plan'], /plan needs at least one file or folder/);
  });
});

describe('paths that cannot be read', () => {
  test('a missing path: message on stderr naming it, exit 2, nothing checked', () => {
    const run = runCli(['check', '--format', 'json', 'ok.yaml', 'missing.yaml', 'gone/'], tree.dir);
    assertFinished(run, [2]);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /cannot read "missing\.yaml": no such file or folder/);
    assert.match(run.stderr, /cannot read "gone\/": no such file or folder/);
  });

  test('paths starting with "-" can be passed after --', () => {
    const dashed = tempTree({ '-odd.yaml': VALID });
    try {
      const run = runCli(['check', '--', '-odd.yaml'], dashed.dir);
      assertFinished(run, [0]);
      assert.match(run.stderr, /No problems found in 1 file/);
    } finally {
      dashed.remove();
    }
  });
});
