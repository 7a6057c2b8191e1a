import { isScalar, Scalar } from 'yaml';
import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { locatePath, type PathSegment } from '../documents/yamlPath';
import { scalarIndexOffsets } from '../validation/compose/scalarOffsets';
import { equalitySelectorMatches, readSelector, selectorMatches, type Labels } from './labelSelector';
import { namespaceRelation } from './namespaces';
import type { WorkspaceIndex } from './workspaceIndex';
import { isRecord, type K8sObject, type PodTemplate } from './k8s/k8sObject';
import { selectorFields, type SelectorField } from './k8s/selectorFields';

/**
 * Rename and find-references of a label key or value, keeping every selection relationship.
 *
 * The set edited, precisely. Let K be the key under the cursor and, for a value, V its value.
 * Nodes are pod templates (their `metadata.labels`) and pod selectors (workload `selector`,
 * Service/ReplicationController `spec.selector`, PDB `selector`, NetworkPolicy `podSelector` and
 * peer `podSelector`s without a `namespaceSelector`, pod (anti-)affinity and topology-spread
 * `labelSelector`s without `namespaces`/`namespaceSelector`). A selector S and a template T are
 * linked when their namespaces are not explicitly different and the rename, applied to T alone,
 * would flip whether S selects T:
 *   - key rename:   matches(S, T.labels) ≠ matches(S, T.labels without K)
 *   - value rename: matches(S, T.labels) ≠ matches(S, T.labels with K set to a fresh value)
 * (so T carries K, resp. K=V, and S constrains K, resp. mentions V: matchLabels, In, NotIn,
 * Exists, DoesNotExist alike). The edited set is the connected component of the node under the
 * cursor: K (resp. V) on each of its templates, and every place each of its selectors writes K
 * (resp. V for K). Renaming all of them together leaves every matches(S, T) of the component
 * unchanged; objects outside it (another namespace, a namesake label nobody selects through it,
 * object `metadata.labels`) are never touched. A collision with labels that already use the new
 * name is not detected.
 */

export interface LabelCursor {
  object: K8sObject;
  /** Cursor path relative to the object, and whether it is on a map key or a value. */
  path: PathSegment[];
  on: 'key' | 'value';
}

interface Target {
  mode: 'key' | 'value';
  key: string;
  value?: string;
  /** Where the cursor is: the label's key or value scalar. */
  at: Site;
}

interface Site {
  object: K8sObject;
  path: PathSegment[];
  on: 'key' | 'value';
}

type Node = { type: 'template'; object: K8sObject; template: PodTemplate } | { type: 'selector'; object: K8sObject; field: SelectorField };

interface Expression {
  key: string;
  operator: unknown;
  values: unknown[];
}

const FRESH = '\u0000shipshape-fresh';
const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
// Plain scalars YAML (1.1, as kubectl reads it) would not read as a string.
const NOT_A_STRING = /^([yn]|yes|no|true|false|on|off|null|~|[-+]?\.?\d.*|\.(inf|nan))$/i;

/** Whether a name written as a plain YAML scalar stays a string (else it needs quotes). */
export function readsAsString(name: string): boolean {
  return !NOT_A_STRING.test(name);
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}

function at(value: unknown, path: readonly PathSegment[]): unknown {
  let node = value;
  for (const s of path) node = isRecord(node) ? node[s as string] : Array.isArray(node) ? node[s as number] : undefined;
  return node;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function expressions(field: SelectorField): Expression[] {
  if (field.form !== 'label' || !isRecord(field.value) || !Array.isArray(field.value.matchExpressions)) return [];
  return field.value.matchExpressions.map((e) => (isRecord(e) && typeof e.key === 'string' ? { key: e.key, operator: e.operator, values: Array.isArray(e.values) ? e.values : [] } : { key: '', operator: undefined, values: [] }));
}

/** The selectors of an object that select pods of its own namespace (see above). */
export function podSelectors(object: K8sObject): SelectorField[] {
  if (object.kind === 'ServiceMonitor' || object.kind === 'PodMonitor') return [];
  if (object.kind === 'Service' && isRecord(object.value.spec) && object.value.spec.type === 'ExternalName') return [];
  return selectorFields(object).filter((f) => {
    const last = f.path[f.path.length - 1];
    if (f.path[0] === 'webhooks' || last === 'namespaceSelector') return false;
    const parent = at(object.value, f.path.slice(0, -1));
    if (!isRecord(parent)) return true;
    if (parent.namespaceSelector !== undefined && parent.namespaceSelector !== null) return false;
    return !(last === 'labelSelector' && Array.isArray(parent.namespaces) && parent.namespaces.length > 0);
  });
}

function matches(field: SelectorField, labels: Labels): boolean {
  if (field.form === 'map') return isRecord(field.value) && Object.keys(field.value).length > 0 && equalitySelectorMatches(field.value, labels);
  const selector = readSelector(field.value);
  return selector !== undefined && selectorMatches(selector, labels);
}

export class LabelNavigation {
  constructor(private readonly index: WorkspaceIndex) {}

  /** The label key or value under the cursor (in a pod template's labels or a pod selector), if any. */
  target(cursor: LabelCursor): Target | undefined {
    const { object, path, on } = cursor;
    const site: Site = { object, path, on };
    for (const template of object.podTemplates) {
      const labels = [...template.path, 'metadata', 'labels'];
      if (path.length !== labels.length + 1 || !startsWith(path, labels)) continue;
      const key = String(path[path.length - 1]);
      if (on === 'key') return { mode: 'key', key, at: site };
      const value = text(at(object.value, path));
      return value === undefined ? undefined : { mode: 'value', key, value, at: site };
    }
    for (const field of podSelectors(object)) {
      const rest = path.slice(field.path.length);
      if (!startsWith(path, field.path)) continue;
      const pair = field.form === 'map' ? rest.length === 1 : rest.length === 2 && rest[0] === 'matchLabels';
      if (pair) {
        const key = String(rest[rest.length - 1]);
        if (on === 'key') return { mode: 'key', key, at: site };
        const value = text(at(object.value, path));
        return value === undefined ? undefined : { mode: 'value', key, value, at: site };
      }
      const expression = rest[0] === 'matchExpressions' && typeof rest[1] === 'number' ? expressions(field)[rest[1]] : undefined;
      if (!expression?.key || on !== 'value') continue;
      if (rest.length === 3 && rest[2] === 'key') return { mode: 'key', key: expression.key, at: site };
      const value = rest.length === 4 && rest[2] === 'values' && typeof rest[3] === 'number' ? text(expression.values[rest[3]]) : undefined;
      if (value !== undefined) return { mode: 'value', key: expression.key, value, at: site };
    }
    return undefined;
  }

  /** The exact characters of the key or value under the cursor. */
  range(target: Target): Range | undefined {
    return this.locate(target.at)?.location.range;
  }

  /** Every place the label is written in its component (see above). */
  references(target: Target): Location[] {
    return this.sites(target).flatMap((s) => this.locate(s)?.location ?? []);
  }

  /** The rename of the key or value across the component, in one edit; undefined for an invalid name. */
  rename(target: Target, newName: string): WorkspaceEdit | undefined {
    if (!(target.mode === 'key' ? KEY : VALUE).test(newName) || newName.length > 316) return undefined;
    const changes: Record<string, TextEdit[]> = {};
    const done = new Set<string>();
    for (const site of this.sites(target)) {
      const located = this.locate(site);
      if (!located || located.text !== (target.mode === 'key' ? target.key : target.value)) continue;
      const { uri, range } = located.location;
      const id = `${uri}:${range.start.line}:${range.start.character}`;
      if (done.has(id)) continue; // one text read through several aliases
      done.add(id);
      const quote = located.plain && site.on === 'value' && !readsAsString(newName);
      (changes[uri] ??= []).push({ range, newText: quote ? `"${newName}"` : newName });
    }
    return { changes };
  }

  private sites(target: Target): Site[] {
    const out: Site[] = [];
    for (const node of this.component(target)) {
      const { object } = node;
      if (node.type === 'template') {
        out.push({ object, path: [...node.template.path, 'metadata', 'labels', target.key], on: target.mode });
        continue;
      }
      const { field } = node;
      const own = (keys: PathSegment[]) => [...field.path, ...keys];
      const pairs = field.form === 'map' ? field.value : at(field.value, ['matchLabels']);
      const pairPath = field.form === 'map' ? [] : ['matchLabels'];
      if (isRecord(pairs) && target.key in pairs && (target.mode === 'key' || text(pairs[target.key]) === target.value)) {
        out.push({ object, path: own([...pairPath, target.key]), on: target.mode });
      }
      expressions(field).forEach((e, i) => {
        if (e.key !== target.key) return;
        if (target.mode === 'key') out.push({ object, path: own(['matchExpressions', i, 'key']), on: 'value' });
        else e.values.forEach((v, j) => text(v) === target.value && out.push({ object, path: own(['matchExpressions', i, 'values', j]), on: 'value' }));
      });
    }
    return out;
  }

  // Breadth-first from the node under the cursor, through selector ↔ template links.
  private component(target: Target): Node[] {
    const { object, path } = target.at;
    const start: Node | undefined =
      object.podTemplates.map((template): Node => ({ type: 'template', object, template })).find((n) => n.type === 'template' && startsWith(path, [...n.template.path, 'metadata', 'labels'])) ??
      podSelectors(object).map((field): Node => ({ type: 'selector', object, field })).find((n) => n.type === 'selector' && startsWith(path, n.field.path));
    if (!start) return [];
    const templates: Node[] = [];
    for (const { object: o, template } of this.index.podSources()) if (template.labels[target.key] !== undefined) templates.push({ type: 'template', object: o, template });
    const selectors: Node[] = [];
    for (const uri of this.index.uris()) {
      for (const o of this.index.objectsIn(uri)) for (const field of podSelectors(o)) if (this.mentions(field, target)) selectors.push({ type: 'selector', object: o, field });
    }
    const id = (n: Node) => `${n.object.location.uri}#${n.object.location.docIndex}#${n.object.location.base.join('/')}#${(n.type === 'template' ? n.template.path : n.field.path).join('/')}`;
    const seen = new Set([id(start)]);
    const out = [start];
    for (let i = 0; i < out.length; i++) {
      const node = out[i]!;
      for (const other of node.type === 'template' ? selectors : templates) {
        if (seen.has(id(other))) continue;
        const [s, t] = node.type === 'selector' ? [node, other] : [other, node];
        if (s.type !== 'selector' || t.type !== 'template' || !this.linked(s.object, s.field, t.object, t.template, target)) continue;
        seen.add(id(other));
        out.push(other);
      }
    }
    return out;
  }

  private mentions(field: SelectorField, target: Target): boolean {
    const pairs = field.form === 'map' ? field.value : at(field.value, ['matchLabels']);
    if (isRecord(pairs) && target.key in pairs) return true;
    return expressions(field).some((e) => e.key === target.key);
  }

  private linked(selector: K8sObject, field: SelectorField, owner: K8sObject, template: PodTemplate, target: Target): boolean {
    if (namespaceRelation(selector.namespace, owner.namespace) === 'different') return false;
    const labels = template.labels;
    if (target.mode === 'value' && labels[target.key] !== target.value) return false;
    const changed: Record<string, string> = { ...labels };
    if (target.mode === 'key') delete changed[target.key];
    else changed[target.key] = FRESH;
    return matches(field, labels) !== matches(field, changed);
  }

  // The exact characters of a key or value scalar (quotes excluded).
  private locate(site: Site): { location: Location; text: string; plain: boolean } | undefined {
    const { uri, docIndex, base } = site.object.location;
    const file = this.index.file(uri);
    const doc = file?.docs[docIndex];
    if (!file || !doc) return undefined;
    const path = [...base, ...site.path];
    const located = locatePath(doc.yaml, path);
    if (located.found.length < path.length) return undefined;
    const node = site.on === 'key' ? located.key : located.node;
    if (!isScalar(node) || !node.range) return undefined;
    const map = scalarIndexOffsets(file.text, node);
    const [start, end] = map ? [map[0]!, map[map.length - 1]!] : [node.range[0], node.range[1]];
    return { location: { uri, range: file.lines.rangeOf(start, end) }, text: file.text.slice(start, end), plain: node.type === Scalar.PLAIN };
  }
}
