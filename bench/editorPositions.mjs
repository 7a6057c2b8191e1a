// The text and the cursor positions of the editor benchmark (bench/editorBench.mjs): the generated
// multi-document file of bench/manifests.mjs, with a half-typed key planted in the containers of
// the Deployments that key completion is asked in (as an editor has it while a key is typed), and
// for every position what a real answer must contain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateManifests } from './manifests.mjs';

/**
 * Half-typed container keys: the prefix planted, and a key it must offer that the generated
 * container does not have yet (completion leaves out keys already written).
 */
const PARTIAL_KEYS = [
  ['st', 'startupProbe'],
  ['se', 'securityContext'],
  ['li', 'lifecycle'],
  ['wo', 'workingDir'],
  ['co', 'command'],
  ['te', 'terminationMessagePath'],
  ['tt', 'tty'],
];

/** The kinds of completion position, taken in turn. */
const COMPLETION_KINDS = ['partialKey', 'imagePullPolicy', 'containerProtocol', 'serviceProtocol'];
/** The kinds of hover position, taken in turn: the key hovered and the schema field whose description it must show. */
const HOVER_KINDS = [
  { key: 'replicas', line: /^  replicas: /, definition: 'io.k8s.api.apps.v1.DeploymentSpec' },
  { key: 'image', line: /^ {10}image: /, definition: 'io.k8s.api.core.v1.Container' },
  { key: 'containerPort', line: /^ {14}containerPort: /, definition: 'io.k8s.api.core.v1.ContainerPort' },
];

const VALUE_ENUMS = {
  imagePullPolicy: ['Always', 'IfNotPresent', 'Never'],
  protocol: ['SCTP', 'TCP', 'UDP'],
};

/** First words of a schema description (up to the first period), as lower-case alphanumeric words. */
export function descriptionWords(description, count = 6) {
  return normalizeWords(description.split('. ')[0]).split(' ').slice(0, count).join(' ');
}

/** Lower-case words separated by single spaces: markdown escapes and punctuation do not matter. */
export function normalizeWords(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function definitionsOf(schemaDir) {
  return JSON.parse(readFileSync(join(schemaDir, '_definitions.json'), 'utf8')).definitions;
}

/** `count` indices spread evenly over `pool` (the same pool index is never taken twice when the pool is big enough). */
function spread(pool, count) {
  if (pool.length === 0) throw new Error('bench bug: no document of the wanted kind in the range');
  return Array.from({ length: count }, (_, k) => pool[Math.floor((k * pool.length) / count)]);
}

/** Deterministic Fisher–Yates shuffle (mulberry32): both servers get the positions in the same, non-sequential order. */
function shuffled(items, seed) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Plans which documents get which completion and hover positions, for one document range. */
function plan(range, completions, hovers) {
  const deployments = [];
  const services = [];
  for (let i = range[0]; i < range[1]; i++) {
    if (i % 4 === 0) deployments.push(i); // manifests.mjs cycles Deployment, Service, ConfigMap, Ingress
    if (i % 4 === 1) services.push(i);
  }
  const byKind = (kinds, count) => {
    const groups = new Map(kinds.map((k) => [k, []]));
    for (let k = 0; k < count; k++) groups.get(kinds[k % kinds.length]).push(k);
    return groups;
  };
  const completion = [];
  for (const [kind, ks] of byKind(COMPLETION_KINDS, completions)) {
    const docs = spread(kind === 'serviceProtocol' ? services : deployments, ks.length);
    ks.forEach((k, n) => completion.push({ kind, doc: docs[n], partial: kind === 'partialKey' ? PARTIAL_KEYS[n % PARTIAL_KEYS.length] : undefined }));
  }
  const hover = [];
  for (const [kind, ks] of byKind(HOVER_KINDS, hovers)) {
    const docs = spread(deployments, ks.length);
    ks.forEach((_, n) => hover.push({ kind, doc: docs[n] }));
  }
  return { completion, hover };
}

/**
 * The benchmark's file and positions.
 * @param {object} options
 * @param {number} options.docs documents in the file
 * @param {[number, number]} options.measured document range of the measured positions
 * @param {[number, number]} options.warmup document range of the warm-up positions (not counted)
 * @param {number} options.requests completion requests, and as many hover requests
 * @param {number} options.warmups warm-up requests of each kind
 * @param {string} options.schemaDir the v1.30.10 strict schemas (descriptions the hovers must show)
 */
export function editorWorkload({ docs, measured, warmup, requests, warmups, schemaDir }) {
  const generated = generateManifests(docs, 'a');
  const measuredPlan = plan(measured, requests, requests);
  const warmPlan = plan(warmup, warmups, warmups);
  const partialAt = new Map(); // doc → [prefix, expected key]
  for (const p of [...measuredPlan.completion, ...warmPlan.completion]) {
    if (!p.partial) continue;
    if (partialAt.has(p.doc) && partialAt.get(p.doc) !== p.partial) throw new Error(`bench bug: two half-typed keys in document ${p.doc}`);
    partialAt.set(p.doc, p.partial);
  }

  // The file, with a half-typed key after `imagePullPolicy:` in the chosen Deployments' container.
  const lines = [];
  const docStartLine = [0];
  let doc = 0;
  for (const line of generated.text.replace(/\n$/, '').split('\n')) {
    if (line === '---') {
      doc++;
      lines.push(line);
      docStartLine.push(lines.length);
      continue;
    }
    lines.push(line);
    if (partialAt.has(doc) && line.startsWith('          imagePullPolicy: ')) lines.push(`          ${partialAt.get(doc)[0]}`);
  }
  docStartLine.push(lines.length + 1); // sentinel: one past the last document
  const text = lines.join('\n') + '\n';

  /** The first line of document `d` matching `pattern` (after `after`, a line number), as a line number. */
  const lineIn = (d, pattern, after = -1) => {
    for (let l = Math.max(docStartLine[d], after + 1); l < docStartLine[d + 1] - 1; l++) if (pattern.test(lines[l])) return l;
    throw new Error(`bench bug: no line matching ${pattern} in document ${d}`);
  };

  const completionPosition = (p) => {
    if (p.kind === 'partialKey') {
      const [prefix, expected] = p.partial;
      const line = lineIn(p.doc, new RegExp(`^ {10}${prefix}$`));
      return { ...p, label: `key \`${prefix}|\` in a container`, position: { line, character: 10 + prefix.length }, expected: [expected] };
    }
    const [pattern, field] =
      p.kind === 'imagePullPolicy' ? [/^ {10}imagePullPolicy: /, 'imagePullPolicy'] : p.kind === 'containerProtocol' ? [/^ {14}protocol: /, 'protocol'] : [/^ {6}protocol: /, 'protocol'];
    const line = lineIn(p.doc, pattern);
    return { ...p, label: `value after \`${field}: \``, position: { line, character: lines[line].indexOf(': ') + 2 }, expected: VALUE_ENUMS[field] };
  };
  const definitions = definitionsOf(schemaDir);
  const hoverPosition = (p) => {
    const line = lineIn(p.doc, p.kind.line);
    const description = definitions[p.kind.definition]?.properties?.[p.kind.key]?.description;
    if (!description) throw new Error(`bench bug: ${p.kind.definition}.${p.kind.key} has no description in ${schemaDir}`);
    const character = lines[line].indexOf(p.kind.key) + Math.floor(p.kind.key.length / 2);
    return { doc: p.doc, kind: p.kind.key, label: `hover on \`${p.kind.key}\``, position: { line, character }, description: descriptionWords(description) };
  };

  return {
    text,
    docs,
    lineCount: lines.length,
    plantedReplicasLine: generated.plantedLines.replicas, // the first Deployment: no half-typed key comes before it
    partialKeys: partialAt.size,
    completion: shuffled(measuredPlan.completion.map(completionPosition), 1),
    hover: shuffled(measuredPlan.hover.map(hoverPosition), 2),
    warmup: {
      completion: warmPlan.completion.map(completionPosition),
      hover: warmPlan.hover.map(hoverPosition),
    },
  };
}
