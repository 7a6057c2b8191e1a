import { before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assertFinished, ensureCliBuilt, repoRoot, runCli, runJson, type JsonFinding } from './harness';

// Real manifests from other projects (../shared/corpus/README.md says which are valid): the honest
// check that `shipshape check` does not cry wolf. An error on a valid folder is an engine false
// positive to fix in the engine, never a reason to relax these tests.
const corpus = resolve(repoRoot, '..', 'shared', 'corpus');

const VALID_FOLDERS = [
  'k8s/microservices-demo/kubernetes-manifests',
  'k8s/example-voting-app',
  'k8s/kubernetes-examples/web/guestbook',
  'compose/awesome-compose',
];

function countYamlFiles(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') count += countYamlFiles(join(dir, entry.name));
    else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) count++;
  }
  return count;
}

function totals(findings: readonly JsonFinding[]): string {
  const by = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const codes = new Map<string, number>();
  for (const f of findings) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
  const codeList = [...codes].sort().map(([code, n]) => `${code}=${n}`).join(', ');
  return `${by('error')} errors, ${by('warning')} warnings, ${by('information') + by('hint')} notes${codeList ? ` (${codeList})` : ''}`;
}

function describeFinding(f: JsonFinding): string {
  return `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`;
}

/** Checks a corpus folder (paths relative to the corpus root) and prints what was found. */
function checkFolder(t: TestContext, folder: string, args: string[] = []): JsonFinding[] {
  const { findings } = runJson([...args, folder], corpus);
  t.diagnostic(`${folder}: ${countYamlFiles(join(corpus, folder))} files, ${totals(findings)}`);
  return findings;
}

before(() => {
  assert.ok(existsSync(join(corpus, 'README.md')), `the corpus is expected at ${corpus} (../shared/corpus beside the repository)`);
  ensureCliBuilt();
});

describe('corpus: real-world manifests', () => {
  for (const folder of VALID_FOLDERS) {
    test(`${folder} is valid: zero errors`, (t) => {
      const errors = checkFolder(t, folder).filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map(describeFinding), [], 'false positives on a valid corpus folder');
    });
  }

  test('k8s/microservices-demo/istio-manifests: Istio custom resources are not unknown kinds, zero errors', (t) => {
    const findings = checkFolder(t, 'k8s/microservices-demo/istio-manifests');
    assert.deepEqual(findings.filter((f) => f.severity === 'error' || /^unknown-/.test(f.code)).map(describeFinding), []);
  });

  test('k8s/kubernetes-examples/_archived: removed API versions are found, on the real apiVersion lines', (t) => {
    const folder = 'k8s/kubernetes-examples/_archived';
    const findings = checkFolder(t, folder);
    const removed = findings.filter((f) => f.code === 'removed-api-version');
    t.diagnostic(`removed-api-version: ${removed.length} (${[...new Set(removed.map((f) => f.message.split(' ')[0]))].sort().join(', ')})`);
    assert.ok(removed.length > 0);

    // Each finding sits on a document's own `apiVersion:` value, and names that apiVersion.
    for (const f of removed) {
      assert.equal(f.severity, 'error');
      const line = readFileSync(join(corpus, f.file), 'utf8').split(/\r?\n/)[f.range.start.line]!;
      assert.match(line, /^apiVersion:\s*\S/, describeFinding(f));
      const value = line.slice(f.range.start.character, f.range.end.character);
      assert.ok(f.message.startsWith(`${value} `), `${describeFinding(f)} — range covers "${value}"`);
    }

    // Every document written against extensions/v1beta1 or apps/v1beta1/v1beta2 is reported.
    const expected: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(corpus, dir), { withFileTypes: true })) {
        const rel = join(dir, entry.name);
        if (entry.isDirectory()) walk(rel);
        else if (/\.ya?ml$/.test(entry.name)) {
          readFileSync(join(corpus, rel), 'utf8').split(/\r?\n/).forEach((text, i) => {
            if (/^apiVersion:\s*(extensions\/v1beta1|apps\/v1beta[12])\s*(#.*)?$/.test(text)) expected.push(`${rel}:${i}`);
          });
        }
      }
    };
    walk(folder);
    assert.ok(expected.length > 0, 'the corpus still holds extensions/v1beta1 or apps/v1beta* documents');
    const reported = new Set(removed.map((f) => `${f.file}:${f.range.start.line}`));
    assert.deepEqual(expected.filter((e) => !reported.has(e)), [], 'old-API documents without a removed-api-version finding');
    assert.ok(removed.some((f) => f.message.startsWith('extensions/v1beta1 ')));
  });

  test('the whole corpus: bounded, no crash, every file checked', (t) => {
    const run = runCli(['check', '.'], corpus);
    assertFinished(run, [0, 1]);
    const summary = run.stderr.trim().split('\n').at(-1)!;
    t.diagnostic(`whole corpus: ${summary}`);
    assert.match(summary, new RegExp(`\\(${countYamlFiles(corpus)} checked\\)\\.$`));
  });
});
