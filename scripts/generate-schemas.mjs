#!/usr/bin/env node
// Generates schemas/ from upstream data. Never edit schemas/ by hand: run `npm run schemas`.
//
// Inputs (defaults under ../shared/upstream, override with flags):
//   --openapi DIR   one folder per Kubernetes minor version (1.23 …), each holding the OpenAPI v3
//                   documents a kube-apiserver serves at /openapi/v3 (api/v1.json, apis/<group>/<v>.json)
//   --enums FILE    kubernetes-enums.json: allowed values of `+enum` fields, per definition and field
//   --compose FILE  the Compose specification JSON schema
//   --out DIR       output folder (default: schemas/)
//
// Output layout (all JSON, keys sorted, so regeneration is byte-identical):
//   index.json                         versions, default version, compose schema path
//   kubernetes/<minor>.json            per version: served kinds → root definition, definition → variant
//   kubernetes/defs/<package>.json     every distinct variant of every definition of one Go package,
//                                      stored once however many versions share it
//   kubernetes/api-lifecycle.json      per group/version/kind: the shipped versions serving it, its
//                                      replacement, and removals that happened before the oldest version
//   compose/compose-spec.json          the Compose schema, unchanged
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync, existsSync, statSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const upstream = resolve(root, '../shared/upstream');
const { values: args } = parseArgs({
  options: {
    openapi: { type: 'string', default: join(upstream, 'kubernetes-openapi') },
    enums: { type: 'string', default: join(upstream, 'kubernetes-enums.json') },
    compose: { type: 'string', default: join(upstream, 'compose-spec/compose-spec.json') },
    out: { type: 'string', default: join(root, 'schemas') },
  },
});

// API versions removed before the oldest shipped minor (1.23), from the Kubernetes deprecation
// guide. Everything from 1.23 on is derived from the OpenAPI documents themselves.
const REMOVED_BEFORE_OLDEST = [
  ['1.14', 'admissionregistration.k8s.io/v1alpha1', ['InitializerConfiguration'], undefined],
  ['1.16', 'extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], 'apps/v1'],
  ['1.16', 'extensions/v1beta1', ['NetworkPolicy'], 'networking.k8s.io/v1'],
  ['1.16', 'extensions/v1beta1', ['PodSecurityPolicy'], 'policy/v1beta1'],
  ['1.16', 'apps/v1beta1', ['Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], 'apps/v1'],
  ['1.16', 'apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], 'apps/v1'],
  ['1.22', 'extensions/v1beta1', ['Ingress'], 'networking.k8s.io/v1'],
  ['1.22', 'networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], 'networking.k8s.io/v1'],
  ['1.22', 'admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], 'admissionregistration.k8s.io/v1'],
  ['1.22', 'apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], 'apiextensions.k8s.io/v1'],
  ['1.22', 'apiregistration.k8s.io/v1beta1', ['APIService'], 'apiregistration.k8s.io/v1'],
  ['1.22', 'authentication.k8s.io/v1beta1', ['TokenReview'], 'authentication.k8s.io/v1'],
  ['1.22', 'authorization.k8s.io/v1beta1', ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], 'authorization.k8s.io/v1'],
  ['1.22', 'certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], 'certificates.k8s.io/v1'],
  ['1.22', 'coordination.k8s.io/v1beta1', ['Lease'], 'coordination.k8s.io/v1'],
  ['1.22', 'rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], 'rbac.authorization.k8s.io/v1'],
  ['1.22', 'rbac.authorization.k8s.io/v1alpha1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], 'rbac.authorization.k8s.io/v1'],
  ['1.22', 'scheduling.k8s.io/v1beta1', ['PriorityClass'], 'scheduling.k8s.io/v1'],
  ['1.22', 'storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], 'storage.k8s.io/v1'],
];

const REF_PREFIX = '#/components/schemas/';

function minorOf(v) {
  return Number(v.split('.')[1]);
}

function listJsonFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listJsonFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

// "apis/apps/v1.json" → "apps/v1"; "api/v1.json" → "v1"
function groupVersionOfFile(versionDir, file) {
  const rel = relative(versionDir, file).replace(/\\/g, '/').replace(/\.json$/, '');
  if (rel.startsWith('api/')) return rel.slice(4);
  if (rel.startsWith('apis/')) return rel.slice(5);
  return rel;
}

function apiVersionOf(gvk) {
  return gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
}

// Simplifies the OpenAPI shape for both ajv and the hover navigator:
//  - `allOf: [{$ref}]` (how OpenAPI v3 attaches descriptions to refs) becomes a plain `$ref` with siblings;
//  - refs point at bare definition names, resolved against a per-version base URI at load time;
//  - objects with declared properties and no additionalProperties become closed, as strict field
//    validation in the API server treats them, unless they preserve unknown fields.
function normalize(node) {
  if (Array.isArray(node)) return node.map(normalize);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = normalize(v);
  if (Array.isArray(out.allOf) && out.allOf.length === 1 && out.allOf[0].$ref && Object.keys(out.allOf[0]).length === 1) {
    out.$ref = out.allOf[0].$ref;
    delete out.allOf;
  }
  if (typeof out.$ref === 'string' && out.$ref.startsWith(REF_PREFIX)) out.$ref = out.$ref.slice(REF_PREFIX.length);
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

// Formats the OpenAPI documents leave implicit but the API server enforces when decoding.
// Quantity's string form must parse as a resource.Quantity ("1Gb" is rejected).
// 1.23's documents type IntOrString and Quantity as plain strings, though its API server (like every
// later one, whose documents say so) decodes `targetPort: 8080` and `cpu: 1`: give them the later shape.
function applyFormats(name, def) {
  if (name === 'io.k8s.apimachinery.pkg.util.intstr.IntOrString' && !def.oneOf && def.type === 'string') {
    delete def.type;
    def.oneOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (name === 'io.k8s.apimachinery.pkg.api.resource.Quantity' && !def.oneOf && def.type === 'string') {
    delete def.type;
    def.oneOf = [{ type: 'string' }, { type: 'number' }];
  }
  if (name === 'io.k8s.apimachinery.pkg.api.resource.Quantity' && Array.isArray(def.oneOf)) {
    for (const branch of def.oneOf) if (branch.type === 'string') branch.format = 'quantity';
  }
}

// Adds the allowed values that k8s.io/api marks with +enum (the OpenAPI documents carry none).
function applyEnums(name, def, enums) {
  const fields = enums[name];
  if (!fields || !def.properties) return;
  for (const [field, { list, values }] of Object.entries(fields)) {
    const prop = def.properties[field];
    if (!prop) continue;
    const target = list ? prop.items : prop;
    if (!target || (target.type !== undefined && target.type !== 'string')) continue;
    target.enum = [...values];
  }
}

function sortKeys(node) {
  if (Array.isArray(node)) return node.map(sortKeys);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const k of Object.keys(node).sort()) out[k] = sortKeys(node[k]);
  return out;
}

function stable(node) {
  return JSON.stringify(sortKeys(node));
}

function writeJson(file, data) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(sortKeys(data)) + '\n');
}

function packageOf(defName) {
  return defName.slice(0, defName.lastIndexOf('.'));
}

// Reads one version folder: its definitions and the kinds it serves (from the paths' operations).
function readVersion(versionDir, enums) {
  const defs = new Map();
  const kinds = new Map(); // "apps/v1/Deployment" → { def, namespaced }
  for (const file of listJsonFiles(versionDir)) {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const groupVersion = groupVersionOfFile(versionDir, file);
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      if (!defs.has(name)) defs.set(name, schema);
    }
    // A kind is served where a path accepts it as a request body (POST/PUT); the 1.23 documents
    // carry no x-kubernetes-action, so the request body is the one signal every version has.
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      if (/\{name\}\/[a-z]+$/.test(path)) continue; // /status, /scale and other subresources
      for (const method of ['post', 'put']) {
        const content = item[method]?.requestBody?.content ?? {};
        const ref = Object.values(content).map((c) => c?.schema?.$ref).find(Boolean);
        if (!ref || !ref.startsWith(REF_PREFIX)) continue;
        const def = ref.slice(REF_PREFIX.length);
        for (const gvk of doc.components.schemas[def]?.['x-kubernetes-group-version-kind'] ?? []) {
          if (apiVersionOf(gvk) !== groupVersion) continue;
          const key = `${groupVersion}/${gvk.kind}`;
          const namespaced = path.includes('/namespaces/{namespace}/');
          const prev = kinds.get(key);
          kinds.set(key, { def, namespaced: prev ? prev.namespaced || namespaced : namespaced });
        }
      }
    }
  }
  const normalized = new Map();
  for (const name of [...defs.keys()].sort()) {
    const def = normalize(defs.get(name));
    applyEnums(name, def, enums);
    applyFormats(name, def);
    normalized.set(name, def);
  }
  return { defs: normalized, kinds };
}

function main() {
  const enums = JSON.parse(readFileSync(args.enums, 'utf8'));
  const versions = readdirSync(args.openapi)
    .filter((v) => /^1\.\d+$/.test(v))
    .sort((a, b) => minorOf(a) - minorOf(b));
  if (versions.length === 0) throw new Error(`no version folders (1.xx) under ${args.openapi}`);

  const outK8s = join(args.out, 'kubernetes');
  if (existsSync(outK8s)) rmSync(outK8s, { recursive: true });

  // variants[defName] = [serialized variant, ...]; a version refers to a variant by index.
  const variants = new Map();
  const served = new Map(); // gvk key → { versions: [], namespaced }
  for (const version of versions) {
    const { defs, kinds } = readVersion(join(args.openapi, version), enums);
    const defIndex = {};
    for (const [name, def] of defs) {
      const text = stable(def);
      let list = variants.get(name);
      if (!list) variants.set(name, (list = []));
      let i = list.indexOf(text);
      if (i < 0) i = list.push(text) - 1;
      defIndex[name] = i;
    }
    const kindIndex = {};
    for (const [key, { def, namespaced }] of kinds) {
      kindIndex[key] = { def, namespaced };
      const entry = served.get(key) ?? { versions: [], namespaced };
      entry.versions.push(version);
      served.set(key, entry);
    }
    writeJson(join(outK8s, `${version}.json`), { version, kinds: kindIndex, defs: defIndex });
  }

  const byPackage = new Map();
  for (const [name, list] of variants) {
    const pkg = packageOf(name);
    if (!byPackage.has(pkg)) byPackage.set(pkg, {});
    byPackage.get(pkg)[name] = list.map((t) => JSON.parse(t));
  }
  for (const [pkg, defs] of byPackage) writeJson(join(outK8s, 'defs', `${pkg}.json`), defs);

  writeJson(join(outK8s, 'api-lifecycle.json'), buildLifecycle(served, versions));

  const composeOut = join(args.out, 'compose', 'compose-spec.json');
  mkdirSync(dirname(composeOut), { recursive: true });
  writeFileSync(composeOut, readFileSync(args.compose, 'utf8'));

  writeJson(join(args.out, 'index.json'), {
    kubernetesVersions: versions,
    defaultKubernetesVersion: versions[versions.length - 1],
    compose: 'compose/compose-spec.json',
  });
  console.log(`schemas: ${versions.length} Kubernetes versions (${versions[0]}–${versions.at(-1)}), ${variants.size} definitions, ${[...variants.values()].reduce((n, l) => n + l.length, 0)} distinct variants → ${relative(process.cwd(), args.out) || '.'}`);
}

// Stability rank of an API version string: v1 > v1beta2 > v1beta1 > v1alpha1; higher is more stable.
function stability(version) {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
  if (!m) return -1;
  const level = m[2] === 'alpha' ? 0 : m[2] === 'beta' ? 1 : 2;
  return level * 1e6 + Number(m[1]) * 1e3 + Number(m[3] ?? 0);
}

// For each group/version/kind: where it is served and what replaces it (the most stable
// apiVersion serving the same kind in the newest version that serves any).
function buildLifecycle(served, versions) {
  const kinds = {};
  const byKind = new Map();
  for (const [key, entry] of served) {
    const kind = key.slice(key.lastIndexOf('/') + 1);
    const apiVersion = key.slice(0, key.lastIndexOf('/'));
    if (!byKind.has(kind)) byKind.set(kind, []);
    byKind.get(kind).push({ apiVersion, ...entry });
  }
  const best = (candidates) =>
    [...candidates].sort((a, b) => {
      const last = minorOf(b.versions.at(-1)) - minorOf(a.versions.at(-1));
      if (last !== 0) return last;
      return stability(b.apiVersion.split('/').at(-1)) - stability(a.apiVersion.split('/').at(-1));
    })[0];
  for (const [kind, list] of byKind) {
    const preferred = best(list);
    for (const entry of list) {
      kinds[`${entry.apiVersion}/${kind}`] = {
        served: entry.versions,
        namespaced: entry.namespaced,
        ...(entry.apiVersion !== preferred.apiVersion ? { replacement: preferred.apiVersion } : {}),
      };
    }
  }
  for (const [removedIn, apiVersion, list, replacement] of REMOVED_BEFORE_OLDEST) {
    for (const kind of list) {
      const key = `${apiVersion}/${kind}`;
      if (!kinds[key]) kinds[key] = { served: [], removedIn, ...(replacement ? { replacement } : {}) };
    }
  }
  return { versions, kinds };
}

main();
