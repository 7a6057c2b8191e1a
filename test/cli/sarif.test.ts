import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertFinished, ensureCliBuilt, repoRoot, runCli, runJson, tempTree } from './harness';

const packageVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

// Parsed JSON walked field by field: any keeps the assertions readable.
type Json = Record<string, any>;

const isPositiveInt = (n: unknown) => Number.isInteger(n) && (n as number) >= 1;

/** What GitHub code scanning requires of an upload (docs: "SARIF support for code scanning"), checked field by field. */
function assertGitHubSarif(log: Json): void {
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.equal(driver.name, 'shipshape');
  assert.equal(driver.version, packageVersion);
  assert.ok(new URL(driver.informationUri).protocol === 'https:', 'informationUri is an absolute https URI');
  const ids = driver.rules.map((r: Json) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'one rule per id');
  for (const rule of driver.rules) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, 'rule ids are kebab-case');
    assert.equal(typeof rule.shortDescription.text, 'string');
    assert.ok(rule.shortDescription.text.length > 0);
  }
  assert.equal(run.columnKind, 'utf16CodeUnits');
  for (const [name, base] of Object.entries(run.originalUriBaseIds ?? {}) as Array<[string, Json]>) {
    assert.match(name, /^%[A-Z]+%$/);
    assert.ok(base.uri.startsWith('file:///') && base.uri.endsWith('/'), 'a base URI is an absolute folder URI');
  }
  const used = new Set<string>();
  for (const result of run.results) {
    used.add(result.ruleId);
    assert.equal(driver.rules[result.ruleIndex].id, result.ruleId, 'ruleIndex points at the rule');
    assert.ok(['error', 'warning', 'note'].includes(result.level));
    assert.equal(typeof result.message.text, 'string');
    assert.ok(result.message.text.length > 0);
    assert.equal(result.locations.length, 1);
    const locations = [result.locations[0], ...(result.relatedLocations ?? [])];
    (result.relatedLocations ?? []).forEach((r: Json, i: number) => {
      assert.equal(r.id, i);
      assert.equal(typeof r.message.text, 'string');
    });
    for (const { physicalLocation } of locations) {
      const { uri, uriBaseId } = physicalLocation.artifactLocation;
      assert.doesNotMatch(uri, /\\/, 'forward slashes only');
      if (uriBaseId !== undefined) {
        assert.ok(run.originalUriBaseIds[uriBaseId], 'the base id is declared');
        assert.doesNotMatch(uri, /^(\/|\.\.|[a-z]+:)/i, 'relative to the base');
      } else assert.match(uri, /^file:\/\/\//);
      const region = physicalLocation.region;
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(isPositiveInt(region[key]), `${key} is 1-based`);
      assert.ok(region.endLine > region.startLine || (region.endLine === region.startLine && region.endColumn >= region.startColumn));
    }
  }
  assert.deepEqual([...used].sort(), [...ids].sort(), 'rules are exactly the ids used');
}

const DEPLOYMENT = `apiVersion: apps/v1
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
`;

let tree: ReturnType<typeof tempTree>;
let outside: ReturnType<typeof tempTree>;
before(() => {
  ensureCliBuilt();
  tree = tempTree({
    'my app/deploy #1.yaml': DEPLOYMENT,
    'cron.yaml': 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: { name: c }\nspec:\n  schedule: "* * * * *"\n  jobTemplate: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: c, image: busybox }] } } } }\n',
    'latin1.yaml': Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: caf\xe9 }\n', 'latin1'),
    'binary.yaml': Buffer.from('kind: x\u0000\u0001\u0002'),
  });
  outside = tempTree({ 'elsewhere.yaml': DEPLOYMENT });
});
after(() => {
  tree.remove();
  outside.remove();
});

describe('the SARIF format', () => {
  test('is what GitHub code scanning accepts, with rules, levels, relative escaped URIs and 1-based regions', () => {
    const run = runCli(['check', '--format', 'sarif', '--k8s-version', '1.24', '.'], tree.dir);
    assertFinished(run, [1]);
    assert.equal(run.stderr, '');
    const log = JSON.parse(run.stdout) as Json;
    assertGitHubSarif(log);
    const sarifRun = log.runs[0];
    assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(tree.dir).href + '/');

    const byRule = new Map<string, Json>(sarifRun.results.map((r: Json) => [r.ruleId, r]));
    assert.deepEqual([...byRule.keys()].sort(), ['binary-file', 'deprecated-api-version', 'invalid-encoding', 'invalid-type']);

    const replicas = byRule.get('invalid-type')!;
    assert.equal(replicas.level, 'error');
    assert.deepEqual(replicas.locations[0].physicalLocation, {
      artifactLocation: { uri: 'my%20app/deploy%20%231.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 6, startColumn: 13, endLine: 6, endColumn: 16 },
    });
    assert.equal(byRule.get('deprecated-api-version')!.level, 'warning');
    assert.equal(byRule.get('binary-file')!.level, 'note');

    const encoding = byRule.get('invalid-encoding')!;
    assert.equal(encoding.level, 'error');
    assert.deepEqual(encoding.locations[0].physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    assert.equal(encoding.locations[0].physicalLocation.artifactLocation.uri, 'latin1.yaml');
  });

  test('regions are the JSON ranges plus one', () => {
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '.'], tree.dir).stdout) as Json;
    const { findings } = runJson(['.'], tree.dir);
    const regions = sarif.runs[0].results.map((r: Json) => r.locations[0].physicalLocation.region);
    assert.deepEqual(
      regions,
      findings.map((f) => ({ startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 })),
    );
  });

  test('files outside the working folder get absolute file URIs', () => {
    const run = runCli(['check', '--format', 'sarif', join(outside.dir, 'elsewhere.yaml')], tree.dir);
    assertFinished(run, [1]);
    const log = JSON.parse(run.stdout) as Json;
    assertGitHubSarif(log);
    for (const result of log.runs[0].results) {
      assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(join(outside.dir, 'elsewhere.yaml')).href });
    }
  });

  test('no findings: a valid log with an empty rule list and no results, exit 0', () => {
    const clean = tempTree({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n' });
    try {
      const run = runCli(['check', '--format', 'sarif', '.'], clean.dir);
      assertFinished(run, [0]);
      const log = JSON.parse(run.stdout) as Json;
      assertGitHubSarif(log);
      assert.deepEqual(log.runs[0].results, []);
      assert.deepEqual(log.runs[0].tool.driver.rules, []);
    } finally {
      clean.remove();
    }
  });
});
