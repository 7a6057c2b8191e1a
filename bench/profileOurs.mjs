// Where Shipshape's open → diagnostics time goes, measured in-process on the engine's own
// modules (TypeScript sources through tsx), per size of the generated file:
//
//   node --import tsx bench/profileOurs.mjs [--sizes 10,100,1000,5000]   (default 10,100,1000)
//
// Steps, in the order a pull-diagnostics request runs them: the LSP message (JSON) of didOpen,
// the YAML parse (same options as the server), toJS of every document, the rest of
// parseManifestFile (line index, flavour detection), ajv schema compiles of the kinds used, the
// first validation (cold ajv code), a validation of new text with warm validators, a validation
// served from the result cache, and the JSON of the diagnostic report.
import { parseAllDocuments } from 'yaml';
import { generateManifests } from './manifests.mjs';
import { median, ms } from './report.mjs';
import { parseManifestFile } from '../server/src/documents/manifestFile.ts';
import { KubernetesSchemas } from '../server/src/schema/kubernetesSchemas.ts';
import { ManifestValidator } from '../server/src/validation/manifestValidator.ts';

const args = process.argv.slice(2);
const sizesAt = args.indexOf('--sizes');
const sizes = sizesAt >= 0 ? args[sizesAt + 1].split(',').map(Number) : [10, 100, 1000];
const VERSION = '1.30';
const KINDS = [['apps/v1', 'Deployment'], ['v1', 'Service'], ['v1', 'ConfigMap'], ['networking.k8s.io/v1', 'Ingress']];

const t = (fn) => {
  const t0 = performance.now();
  const value = fn();
  return [performance.now() - t0, value];
};
/** Median of `runs` timings of fn (after one warm-up). */
const timed = (fn, runs = 5) => {
  fn();
  return median(Array.from({ length: runs }, () => t(fn)[0]));
};

// One-off costs, in a fresh KubernetesSchemas as a fresh server has.
const schemas = new KubernetesSchemas();
const compile = KINDS.map(([apiVersion, kind]) => [kind, t(() => schemas.forVersion(VERSION).validator(apiVersion, kind))[0]]);
console.log(`ajv compile (one-off, first use of a kind): ${compile.map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`);

const rows = [];
for (const docs of sizes) {
  const a = generateManifests(docs, 'a');
  const b = generateManifests(docs, 'b');
  const c = generateManifests(docs, 'c');
  const message = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///w/k8s/a.yaml', languageId: 'yaml', version: 1, text: a.text } } };
  const json = timed(() => JSON.parse(JSON.stringify(message)));
  const options = { merge: true, uniqueKeys: true, prettyErrors: false, strict: false };
  const parse = timed(() => parseAllDocuments(a.text, options));
  const parsed = parseAllDocuments(a.text, options);
  const toJs = timed(() => parsed.forEach((d) => d.toJS({ maxAliasCount: 1000 })));
  const manifest = timed(() => parseManifestFile('file:///w/k8s/a.yaml', a.text));

  const validator = new ManifestValidator(schemas);
  const fileA = parseManifestFile('file:///w/k8s/a.yaml', a.text);
  const [firstValidate, diagnostics] = t(() => validator.validate(fileA, { kubernetesVersion: VERSION }));
  const fileB = parseManifestFile('file:///w/k8s/b.yaml', b.text);
  const [warmValidate] = t(() => validator.validate(fileB, { kubernetesVersion: VERSION }));
  const fileC = parseManifestFile('file:///w/k8s/c.yaml', c.text);
  const [warmValidate2] = t(() => validator.validate(fileC, { kubernetesVersion: VERSION }));
  const cached = timed(() => validator.validate(fileA, { kubernetesVersion: VERSION }));
  const report = timed(() => JSON.stringify({ jsonrpc: '2.0', id: 1, result: { kind: 'full', items: diagnostics } }));
  rows.push({ docs, json, parse, toJs, manifest, firstValidate, warmValidate: Math.min(warmValidate, warmValidate2), cached, report, diagnostics: diagnostics.length });
}

const header = ['K8s docs', 'didOpen JSON', 'YAML parse', 'toJS', 'parseManifestFile (all)', 'validate, first', 'validate, new text', 'validate, cached', 'report JSON'];
console.log(`\n| ${header.join(' | ')} |\n| --- |${' ---: |'.repeat(header.length - 1)}`);
for (const r of rows) {
  console.log(`| ${[r.docs.toLocaleString('en-US'), ms(r.json), ms(r.parse), ms(r.toJs), ms(r.manifest), ms(r.firstValidate), ms(r.warmValidate), ms(r.cached), ms(r.report)].join(' | ')} |`);
}
