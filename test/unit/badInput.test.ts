import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseManifestFile } from '../../server/src/documents/manifestFile';
import { CrdRegistry } from '../../server/src/schema/crdRegistry';
import { KubernetesSchemas } from '../../server/src/schema/kubernetesSchemas';
import { ManifestValidator } from '../../server/src/validation/manifestValidator';
import { assertFinished, ensureCliBuilt, runCli, tempTree, type JsonFinding } from '../cli/harness';

/**
 * Hostile and accidental input, through the engine in-process and through the real CLI: never a
 * crash, hang or unhandled rejection; one clear finding with a sensible code; bounded work.
 * Boundedness is proven by the CLI runs (a separate process can be killed on timeout): a case
 * whose CLI run did not finish is not run in-process, where a synchronous hang would stall the file.
 */

// Deterministic "random" bytes (a linear congruential generator), with NULs as binaries have.
function binaryBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let seed = 42;
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = i % 64 === 0 ? 0 : (seed >> 16) & 0xff;
  }
  return bytes;
}

// "Billion laughs": 9 levels of 9 aliases each, 9^9 strings once expanded.
function aliasBomb(): string {
  const names = 'abcdefghi';
  let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: lol }\ndata:\n';
  text += `  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n`;
  for (let i = 1; i < 9; i++) text += `  ${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]\n`;
  return text;
}

function blockMaps(depth: number): string {
  const parts: string[] = [];
  for (let i = 0; i < depth; i++) parts.push(`${' '.repeat(i)}a:\n`);
  parts.push(`${' '.repeat(depth)}b: 1\n`);
  return parts.join('');
}

const crdWith = (schema: string, instanceSpec = 'size: 3') => `apiVersion: apiextensions.k8s.io/v1
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
${schema.replace(/^/gm, '          ')}
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  ${instanceSpec}
`;

interface Expectation {
  /** Codes of all findings, as a sorted set. */
  codes: string[];
  /** At least one finding's message matches. */
  message?: RegExp;
  /** At most this many findings (one clear finding, not hundreds). */
  atMost?: number;
}

interface BadInput {
  name: string;
  content: string | Buffer;
  /** What the CLI must report (exit code follows from the severities). */
  cli: Expectation;
  /** What the engine reports for the same text (undefined: same as the CLI). */
  engine?: Expectation;
  /** The text the engine gets in-process; by default the content as UTF-8. */
  engineText?: string;
}

const NESTING = { codes: ['resource-limit'], message: /nest/i, atMost: 1 };

const CASES: BadInput[] = [
  { name: 'empty file', content: '', cli: { codes: [] } },
  { name: 'whitespace-only file', content: '  \n\n\t\n   \n', cli: { codes: [] } },
  { name: 'binary file (random bytes with NULs)', content: binaryBytes(64 * 1024), cli: { codes: ['binary-file'], atMost: 1 } },
  {
    name: 'invalid UTF-8 (Latin-1 text)',
    content: Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: caf\xe9 }\n', 'latin1'),
    cli: { codes: ['invalid-encoding'], message: /not valid UTF-8 \(first invalid byte on line 3/, atMost: 1 },
    // In-process the engine only ever sees strings: decoded leniently, the text must not crash it.
    engineText: new TextDecoder().decode(Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: caf\xe9 }\n', 'latin1')),
    engine: { codes: [] },
  },
  {
    name: 'UTF-16 file',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('apiVersion: v1\nkind: ConfigMap\n', 'utf16le')]),
    cli: { codes: ['invalid-encoding'], message: /UTF-16/, atMost: 1 },
    engine: { codes: ['binary-file'], atMost: 1 },
  },
  { name: '6 MB file (over the engine limit)', content: `data: "${'x'.repeat(6_000_000)}"\n`, cli: { codes: ['file-too-large'], message: /6\.0 MB/, atMost: 1 } },
  { name: '20 MB file', content: `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: big }\ndata:\n  blob: "${'x'.repeat(20_000_000)}"\n`, cli: { codes: ['file-too-large'], message: /20\.0 MB/, atMost: 1 } },
  { name: 'alias bomb (billion laughs)', content: aliasBomb(), cli: { codes: ['resource-limit'], message: /alias/, atMost: 1 } },
  { name: '10,000-level flow sequences [[[…]]]', content: `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, cli: NESTING },
  { name: '10,000-level flow maps {a: {a: …}}', content: `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, cli: NESTING },
  { name: '10,000-level block sequences - - - …', content: `${'- '.repeat(10_000)}x\n`, cli: NESTING },
  // 10,000 levels of block-indented maps take 50 MB of indentation: over the size limit first.
  { name: '10,000-level block-indented maps', content: blockMaps(10_000), cli: { codes: ['file-too-large'], atMost: 1 } },
  // The deepest block-indented maps under the size limit, to reach the parser.
  { name: '3,000-level block-indented maps', content: blockMaps(3_000), cli: NESTING },
  {
    name: 'CRD whose openAPIV3Schema has `type: 12`, with an instance',
    content: crdWith('type: 12'),
    cli: { codes: ['invalid-crd-schema', 'invalid-type'], message: /cannot be used to validate its resources/ },
  },
  {
    name: 'CRD whose openAPIV3Schema has `properties: 5`, with an instance',
    content: crdWith('type: object\nproperties: 5'),
    cli: { codes: ['invalid-type'], message: /openAPIV3Schema\.properties: expected a mapping/ },
  },
];

// Kubernetes checks CRD patterns with Go's linear-time regexp; a backtracking engine must not hang on them.
const REDOS: BadInput = {
  name: 'CRD pattern with catastrophic backtracking (^(a+)+$), with an instance',
  content: crdWith(
    'type: object\nproperties:\n  spec:\n    type: object\n    properties:\n      name: { type: string, pattern: "^(a+)+$" }',
    `name: ${'a'.repeat(40)}!`,
  ),
  cli: { codes: ['invalid-value'] },
};

const fileName = (c: BadInput) => `${c.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.yaml`;

function assertExpected(what: string, findings: Array<{ code: string; message: string }>, expected: Expectation): void {
  const listing = findings.slice(0, 5).map((f) => `${f.code}: ${f.message.slice(0, 160)}`).join('\n') + (findings.length > 5 ? `\n… ${findings.length} findings` : '');
  assert.deepEqual([...new Set(findings.map((f) => f.code))].sort(), expected.codes, `${what}:\n${listing}`);
  if (expected.message) assert.ok(findings.some((f) => expected.message!.test(f.message)), `${what}: no message matches ${expected.message}\n${listing}`);
  if (expected.atMost !== undefined) assert.ok(findings.length <= expected.atMost, `${what}: ${findings.length} findings, expected at most ${expected.atMost}\n${listing}`);
}

let tree: ReturnType<typeof tempTree>;
const finishedInCli = new Set<BadInput>();

before(() => {
  ensureCliBuilt();
  tree = tempTree(Object.fromEntries([...CASES, REDOS].map((c) => [fileName(c), c.content])));
});
after(() => tree.remove());

describe('bad input through the CLI: bounded, no crash, one clear finding', () => {
  for (const c of [...CASES, REDOS]) {
    test(c.name, () => {
      const run = runCli(['check', '--format', 'json', fileName(c)], tree.dir);
      assertFinished(run);
      finishedInCli.add(c);
      const findings = JSON.parse(run.stdout) as JsonFinding[];
      assertExpected('CLI', findings, c.cli);
      assert.equal(run.status, findings.some((f) => f.severity === 'error') ? 1 : 0, 'exit code follows the severities');
      for (const f of findings) assert.ok(f.range.start.line >= 0 && f.range.end.line >= f.range.start.line);
    });
  }

  test('all of them in one run (but the backtracking pattern, tested above): bounded, no crash', () => {
    const run = runCli(['check', '--format', 'json', ...CASES.map(fileName)], tree.dir);
    assertFinished(run);
    assert.ok(Array.isArray(JSON.parse(run.stdout)));
  });
});

describe('bad input through the engine in-process: never throws', () => {
  const schemas = new KubernetesSchemas();
  const validator = new ManifestValidator(schemas);

  for (const c of CASES) {
    test(c.name, () => {
      assert.ok(finishedInCli.has(c), 'not run in-process: the CLI run of this input did not finish (see the CLI test)');
      const text = c.engineText ?? (typeof c.content === 'string' ? c.content : new TextDecoder().decode(c.content));
      const uri = pathToFileURL(join(tree.dir, fileName(c))).href;
      const crds = new CrdRegistry();
      const file = parseManifestFile(uri, text);
      crds.update(file);
      const diagnostics: Diagnostic[] = validator.validate(file, { kubernetesVersion: schemas.index.defaultKubernetesVersion, crds });
      const findings = diagnostics.map((d) => ({ code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value }));
      // The CLI's own encoding findings aside, the engine reports what the CLI reports.
      assertExpected('engine', findings, c.engine ?? c.cli);
    });
  }
});
