import type { CompletionItem } from 'vscode-languageserver-types';
import type { PathSegment } from '../documents/yamlPath';
import { readLabels, type Labels } from '../crossref/labelSelector';
import { namespaceRelation } from '../crossref/namespaces';
import { podTemplatePaths } from '../crossref/k8s/podTemplates';
import type { K8sObject } from '../crossref/k8s/k8sObject';
import { isRecord } from '../documents/plainValues';
import type { CompletionIndex } from './completionIndex';
import { endsWith, valueAt, type DocFacts } from './docFacts';
import { CompletionItemKind, keyInsertion, makeItem, RANK, yamlString, type ItemEnv } from './items';
import { valueItem } from './values';

/** A set of labels seen in the workspace, and who has it. */
interface LabelSource {
  labels: Labels;
  /** Written in the document being edited (its own template or selector): ranked first. */
  own: boolean;
  /** In the document's namespace for sure (not only maybe, as a namespace-less object against an explicit one). */
  near: boolean;
  owner: string;
}

type Side = 'selector' | 'template';

const MAX_CHOICES = 20;

// Selectors whose matchLabels pick pods (namespace selectors pick namespaces: not ours).
const POD_SELECTORS = new Set(['selector', 'podSelector', 'labelSelector']);
const MAP_SELECTOR_KINDS = new Set(['Service', 'ReplicationController']);

/** Which label map the cursor is in (`labelsPath`), and on which side of the selection. */
function site(path: readonly PathSegment[], target: 'key' | 'value', kind: string | undefined): { side: Side; labelsPath: PathSegment[] } | undefined {
  const labelsPath = target === 'value' ? path.slice(0, -1) : [...path];
  const last = labelsPath[labelsPath.length - 1];
  if (last === 'matchLabels' && POD_SELECTORS.has(String(labelsPath[labelsPath.length - 2]))) return { side: 'selector', labelsPath };
  if (kind && MAP_SELECTOR_KINDS.has(kind) && labelsPath.length === 2 && labelsPath[0] === 'spec' && labelsPath[1] === 'selector') return { side: 'selector', labelsPath };
  if (endsWith(labelsPath, ['template', 'metadata', 'labels'])) return { side: 'template', labelsPath };
  if (kind === 'Pod' && labelsPath.length === 2 && labelsPath[0] === 'metadata' && labelsPath[1] === 'labels') return { side: 'template', labelsPath };
  return undefined;
}

function describe(object: K8sObject): string {
  return `${object.kind} ${object.name}`;
}

function relation(facts: DocFacts, object: K8sObject): 'same' | 'maybe' | 'different' {
  return object.clusterScoped ? 'same' : namespaceRelation(facts.namespace, object.namespace);
}

/** Label sets pod templates carry (for selectors) or selectors ask for (for templates). */
function sources(side: Side, facts: DocFacts, index: CompletionIndex | undefined): LabelSource[] {
  const out: LabelSource[] = [];
  const kind = facts.kind ?? '';
  const self = `this ${kind || 'document'}`;
  if (side === 'selector') {
    for (const path of podTemplatePaths(kind)) {
      const labels = readLabels(valueAt(facts.value, [...path, 'metadata', 'labels']));
      if (path.length > 0 && Object.keys(labels).length) out.push({ labels, own: true, near: true, owner: self });
    }
    for (const { object, template } of index?.podTemplates() ?? []) {
      const where = relation(facts, object);
      if (where !== 'different') out.push({ labels: template.labels, own: false, near: where === 'same', owner: describe(object) });
    }
  } else {
    const selector = valueAt(facts.value, ['spec', 'selector']);
    const own = isRecord(selector) ? readLabels(MAP_SELECTOR_KINDS.has(kind) ? selector : selector.matchLabels) : {};
    if (Object.keys(own).length) out.push({ labels: own, own: true, near: true, owner: self });
    for (const { object, labels } of index?.selectors() ?? []) {
      const where = relation(facts, object);
      if (where !== 'different') out.push({ labels, own: false, near: where === 'same', owner: describe(object) });
    }
  }
  return out;
}

/** Keeps the sources consistent with the pairs already written (all of them when none is). */
function consistent(all: LabelSource[], side: Side, written: Labels): LabelSource[] {
  const fits = all.filter((s) =>
    Object.entries(written).every(([k, v]) => (side === 'selector' ? s.labels[k] === v : s.labels[k] === undefined || s.labels[k] === v)),
  );
  return fits.length ? fits : all;
}

interface Seen {
  /** The best rank among the sources (own document first, then the same namespace, then maybe the same). */
  rank: number;
  owners: Set<string>;
}

interface Candidate {
  values: Map<string, Seen>;
  rank: number;
}

const rankOf = (source: LabelSource) => (source.own ? RANK.required : source.near ? RANK.common : RANK.rare);

function collect(list: LabelSource[]): Map<string, Candidate> {
  const out = new Map<string, Candidate>();
  for (const source of list) {
    for (const [key, value] of Object.entries(source.labels)) {
      let candidate = out.get(key);
      if (!candidate) out.set(key, (candidate = { values: new Map(), rank: RANK.rare }));
      candidate.rank = Math.min(candidate.rank, rankOf(source));
      let seen = candidate.values.get(value);
      if (!seen) candidate.values.set(value, (seen = { rank: RANK.rare, owners: new Set() }));
      seen.rank = Math.min(seen.rank, rankOf(source));
      seen.owners.add(source.owner);
    }
  }
  return out;
}

function ownersText(owners: Set<string>): string {
  const list = [...owners];
  return list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')} and ${list.length - 3} more`;
}

/**
 * Label keys and values where labels select pods: in a selector, those pod templates carry; in a
 * pod template's labels, those selectors ask for. Undefined when the cursor is in no label map.
 */
export function labelItems(env: ItemEnv, facts: DocFacts, index: CompletionIndex | undefined): CompletionItem[] | undefined {
  const { ctx } = env;
  const where = site(ctx.path, ctx.target, facts.kind);
  if (!where) return undefined;
  const editing = ctx.target === 'value' ? String(ctx.path[ctx.path.length - 1]) : undefined;
  const writtenAll = readLabels(valueAt(facts.value, where.labelsPath));
  const written = Object.fromEntries(Object.entries(writtenAll).filter(([k]) => k !== editing && !(ctx.target === 'key' && k === ctx.word)));
  const candidates = collect(consistent(sources(where.side, facts, index), where.side, written));
  const noun = where.side === 'selector' ? 'carried by' : 'selected by';
  const out: CompletionItem[] = [];
  if (ctx.target === 'key') {
    for (const [key, candidate] of candidates) {
      if (ctx.siblings.has(key) || key in written) continue;
      // the best-ranked values as the snippet's choices (a workspace may have hundreds)
      const values = [...candidate.values].sort((a, b) => a[1].rank - b[1].rank).map(([v]) => v).slice(0, MAX_CHOICES);
      const owners = new Set([...candidate.values.values()].flatMap((v) => [...v.owners]));
      out.push(
        makeItem(env, key, keyInsertion(ctx, key, 'scalar', { choices: values.map(yamlString) }), {
          kind: CompletionItemKind.Field,
          detail: `label ${noun} ${ownersText(owners)}`,
          documentation: `Values: ${values.map((v) => `\`${v}\``).join(', ')}`,
          rank: candidate.rank,
          filterText: key,
          snippet: true,
        }),
      );
    }
    return out;
  }
  for (const [value, seen] of candidates.get(editing!)?.values ?? []) {
    out.push(valueItem(env, value, yamlString(value), { detail: `${editing}=${value} ${noun} ${ownersText(seen.owners)}`, rank: seen.rank }));
  }
  return out;
}
