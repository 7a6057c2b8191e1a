import type { ManifestFile } from '../documents/manifestFile';
import type { PathSegment } from '../documents/yamlPath';
import type { K8sObject } from '../crossref/k8s/k8sObject';
import { outgoingReferences, selectorSite, type OutgoingReference } from '../crossref/k8s/outgoingReferences';
import { referenceTargets, selectedTemplates, type TargetIndex } from '../crossref/referenceTargets';
import { pathSpan } from '../symbols/pathSpan';
import { code, link } from './hoverMarkdown';

/** What hover reads of the workspace index (WorkspaceIndex has it). */
export interface HoverIndex {
  objectsIn(uri: string): readonly K8sObject[];
  file(uri: string): ManifestFile | undefined;
}

/**
 * How references resolve: the same answers go-to-definition gives (crossref/navigation.ts keeps
 * these two as its private `targets` and `selected`; `referenceLookup` builds them over the index).
 */
export interface ReferenceLookup {
  /** The objects a by-name reference names. */
  targets(ref: OutgoingReference): K8sObject[];
  /** The pod templates a selector selects, with the path of each template's labels. */
  selected(selector: K8sObject): Array<{ object: K8sObject; path: PathSegment[] }>;
}

/** A ReferenceLookup over the workspace index, resolving exactly as Navigation does. */
export function referenceLookup(index: TargetIndex): ReferenceLookup {
  return { targets: (ref) => referenceTargets(index, ref), selected: (selector) => selectedTemplates(index, selector) };
}

const MAX_LISTED = 10;

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}

/** `file:///ws/cm.yaml#L4,9`: a link VS Code opens at that line and column. */
function placeLink(index: HoverIndex, object: K8sObject, path: PathSegment[]): { label: string; url: string } {
  const file = index.file(object.location.uri);
  const name = decodeURIComponent(object.location.uri.slice(object.location.uri.lastIndexOf('/') + 1));
  const doc = file?.docs[object.location.docIndex];
  if (!file || !doc) return { label: name, url: object.location.uri };
  const span = pathSpan(doc, [...object.location.base, ...path], true);
  const offset = span?.value?.[0] ?? span?.key?.[0] ?? doc.start;
  const at = file.lines.positionAt(offset);
  return { label: `${name}:${at.line + 1}`, url: `${object.location.uri}#L${at.line + 1},${at.character + 1}` };
}

function namespaceText(object: K8sObject): string {
  if (object.clusterScoped) return 'cluster-scoped';
  return object.namespace ? `namespace ${code(object.namespace)}` : 'no namespace set';
}

function referenceSummary(index: HoverIndex, lookup: ReferenceLookup, ref: OutgoingReference): string {
  const targets = lookup.targets(ref);
  if (targets.length === 0) {
    const where = ref.namespace ? ` in namespace ${code(ref.namespace)}` : '';
    return `**Not found**: no ${ref.kind} ${code(ref.name)}${where} in the workspace.`;
  }
  const lines = targets.slice(0, MAX_LISTED).map((t) => {
    const place = placeLink(index, t, ['metadata', 'name']);
    return `→ ${t.kind} ${code(t.name)} · ${namespaceText(t)} · ${link(place.label, place.url)}`;
  });
  if (targets.length > MAX_LISTED) lines.push(`… and ${targets.length - MAX_LISTED} more`);
  return lines.join('  \n');
}

function selectionSummary(index: HoverIndex, lookup: ReferenceLookup, selector: K8sObject): string {
  const selected = lookup.selected(selector);
  if (selected.length === 0) return '**Selects no pod templates** in the workspace.';
  const names = selected.slice(0, MAX_LISTED).map(({ object, path }) => link(`${object.kind} ${object.name}`, placeLink(index, object, path).url));
  const more = selected.length > MAX_LISTED ? `, … and ${selected.length - MAX_LISTED} more` : '';
  return `**Selects ${selected.length} pod template${selected.length === 1 ? '' : 's'}**: ${names.join(', ')}${more}`;
}

/**
 * The indexed object a cursor path falls in (the innermost, for List items). A file's objects are
 * in document order, so the document's objects are found by binary search, not by a scan of 5,000.
 */
export function objectAt(index: HoverIndex, uri: string, docIndex: number, path: readonly PathSegment[]): K8sObject | undefined {
  const objects = index.objectsIn(uri);
  let lo = 0;
  let hi = objects.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (objects[mid]!.location.docIndex < docIndex) lo = mid + 1;
    else hi = mid;
  }
  let best: K8sObject | undefined;
  for (let i = lo; i < objects.length && objects[i]!.location.docIndex === docIndex; i++) {
    const o = objects[i]!;
    if (startsWith(path, o.location.base) && (!best || o.location.base.length > best.location.base.length)) best = o;
  }
  return best;
}

/**
 * What the value under the cursor points at: the objects a name reference names (or that there
 * is none), or the pod templates a selector selects. Undefined when the cursor is on neither.
 */
export function referenceSection(index: HoverIndex, lookup: ReferenceLookup, object: K8sObject, path: readonly PathSegment[]): string | undefined {
  const ref = outgoingReferences(object).find((r) => r.path.length === path.length && startsWith(path, r.path));
  if (ref) return referenceSummary(index, lookup, ref);
  const site = selectorSite(object);
  if (site && startsWith(path, site.path)) return selectionSummary(index, lookup, object);
  return undefined;
}
