import type { CodeLens, Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ManifestFile } from '../documents/manifestFile';
import { locatePath, nodeRange, type PathSegment } from '../documents/yamlPath';
import { pathAtOffset } from '../documents/pathAtOffset';
import { namespaceRelation } from './namespaces';
import type { WorkspaceIndex } from './workspaceIndex';
import type { K8sObject } from './k8s/k8sObject';
import { outgoingReferences, selectorSite, type OutgoingReference } from './k8s/outgoingReferences';
import { LabelNavigation } from './labelRename';
import { ComposeNavigation } from './compose/navigation';
import { referenceTargets, selectedTemplates } from './referenceTargets';
import type { ComposeWorkspace } from './compose/workspace';

/** Kinds whose name can be renamed together with every reference to it. */
const RENAMABLE = new Set(['ConfigMap', 'Secret', 'Service', 'ServiceAccount', 'PersistentVolumeClaim']);

interface CursorObject {
  object: K8sObject;
  /** Cursor path relative to the object. */
  path: PathSegment[];
  on: 'key' | 'value';
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}

function same(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  return a.length === b.length && startsWith(a, b);
}

/**
 * Go-to-definition, find-references, rename and code lenses over the workspace index: the
 * same references the cross-reference rules check, read from the other direction. Compose
 * files go to ComposeNavigation (their merged project); labels under the cursor to LabelNavigation.
 */
export class Navigation {
  private readonly labels: LabelNavigation;
  private readonly compose: ComposeNavigation | undefined;

  /** `compose` reads the files Compose projects pull in; without it Compose files get no navigation. */
  constructor(
    private readonly index: WorkspaceIndex,
    compose?: ComposeWorkspace,
  ) {
    this.labels = new LabelNavigation(index);
    this.compose = compose && new ComposeNavigation(() => this.composeFiles(), compose);
  }

  /** From a reference to its target(s); from a selector to every pod template it selects. */
  definition(uri: string, position: Position): Location[] {
    const composed = this.inCompose(uri, position, (nav, file, offset) => nav.definition(file, offset));
    if (composed?.length) return composed;
    const cursor = this.cursor(uri, position);
    if (!cursor) return [];
    const ref = outgoingReferences(cursor.object).find((r) => same(r.path, cursor.path));
    if (ref) return this.targets(ref).map((t) => this.location(t, ['metadata', 'name']));
    const site = selectorSite(cursor.object);
    if (site && startsWith(cursor.path, site.path)) return this.selected(cursor.object).map(({ object, path }) => this.location(object, path));
    return [];
  }

  /** Everything that points at the object (or the object a reference under the cursor names). */
  references(uri: string, position: Position, includeDeclaration: boolean): Location[] {
    const composed = this.inCompose(uri, position, (nav, file, offset) => nav.references(file, offset, includeDeclaration));
    if (composed?.length) return composed;
    const cursor = this.cursor(uri, position);
    if (!cursor) return [];
    const label = this.labels.target(cursor);
    if (label) return this.labels.references(label);
    const targets = this.subjects(cursor);
    const out: Location[] = [];
    for (const target of targets) {
      if (includeDeclaration) out.push(this.location(target, ['metadata', 'name']));
      for (const { source, ref } of this.referencesTo(target)) out.push(this.location(source, ref.path));
      if (target.podTemplates.length) {
        for (const selector of this.selectorsOf(target)) out.push(this.location(selector, selectorSite(selector)!.path));
      }
    }
    return out;
  }

  /**
   * Renames a ConfigMap, Secret, Service, ServiceAccount or PVC and every reference to it, a label
   * key or value with the selectors and templates it links (labelRename.ts), or a Compose service,
   * network or volume across its project (compose/navigation.ts) — each in one edit.
   */
  rename(uri: string, position: Position, newName: string): WorkspaceEdit | undefined {
    const composed = this.inCompose(uri, position, (nav, file, offset) => nav.rename(file, offset, newName));
    if (composed) return composed;
    const cursor = this.cursor(uri, position);
    if (!cursor) return undefined;
    const label = this.labels.target(cursor);
    if (label) return this.labels.rename(label, newName);
    const [target] = this.subjects(cursor).filter((t) => RENAMABLE.has(t.kind));
    if (!target) return undefined;
    const changes: Record<string, TextEdit[]> = {};
    const add = (object: K8sObject, path: PathSegment[]) => {
      const location = this.location(object, path);
      (changes[location.uri] ??= []).push({ range: location.range, newText: newName });
    };
    add(target, ['metadata', 'name']);
    for (const { source, ref } of this.referencesTo(target)) add(source, ref.path);
    return { changes };
  }

  /** The name range rename would change (for prepareRename), or undefined when nothing renamable is there. */
  renameRange(uri: string, position: Position): Range | undefined {
    const composed = this.inCompose(uri, position, (nav, file, offset) => nav.renameRange(file, offset));
    if (composed) return composed;
    const cursor = this.cursor(uri, position);
    const label = cursor && this.labels.target(cursor);
    if (label) return this.labels.range(label);
    if (!cursor || cursor.on !== 'value' || !this.subjects(cursor).some((t) => RENAMABLE.has(t.kind))) return undefined;
    return this.location(cursor.object, cursor.path).range;
  }

  /** "selects N pod templates" above every Service, NetworkPolicy and PodDisruptionBudget. */
  codeLenses(uri: string): CodeLens[] {
    const out: CodeLens[] = [];
    for (const object of this.index.objectsIn(uri)) {
      if (!['Service', 'NetworkPolicy', 'PodDisruptionBudget'].includes(object.kind)) continue;
      const selected = selectorSite(object) ? this.selected(object) : [];
      const names = selected.map(({ object: o }) => `${o.kind} ${o.name}`);
      const title = selected.length === 0 ? 'selects no pod templates' : `selects ${selected.length} pod template${selected.length === 1 ? '' : 's'}: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`;
      const range = this.location(object, ['kind']).range;
      const locations = selected.map(({ object: o, path }) => this.location(o, path));
      out.push({ range, command: { title, command: locations.length ? 'editor.action.showReferences' : '', arguments: [uri, range.start, locations] } });
    }
    return out;
  }

  // Runs a Compose navigation when the file is a Compose file (undefined otherwise).
  private inCompose<T>(uri: string, position: Position, run: (nav: ComposeNavigation, file: ManifestFile, offset: number) => T): T | undefined {
    const file = this.index.file(uri);
    if (!file || file.flavor !== 'compose' || file.templated || !this.compose) return undefined;
    return run(this.compose, file, file.lines.offsetAt(position));
  }

  private *composeFiles(): Iterable<ManifestFile> {
    for (const uri of this.index.uris()) {
      const file = this.index.file(uri);
      if (file?.flavor === 'compose') yield file;
    }
  }

  private cursor(uri: string, position: Position): CursorObject | undefined {
    const file = this.index.file(uri);
    if (!file) return undefined;
    const offset = file.lines.offsetAt(position);
    const doc = file.docs.find((d) => d.start <= offset && offset <= d.end);
    if (!doc) return undefined;
    const target = pathAtOffset(doc.yaml, offset);
    if (!target) return undefined;
    const object = this.index
      .objectsIn(uri)
      .filter((o) => o.location.docIndex === doc.index && startsWith(target.path, o.location.base))
      .sort((a, b) => b.location.base.length - a.location.base.length)[0];
    if (!object) return undefined;
    return { object, path: target.path.slice(object.location.base.length), on: target.on };
  }

  // The objects a cursor is about: the object itself when on its name, or the target of a reference.
  private subjects(cursor: CursorObject): K8sObject[] {
    if (same(cursor.path, ['metadata', 'name'])) return [cursor.object];
    const ref = outgoingReferences(cursor.object).find((r) => same(r.path, cursor.path));
    if (ref) return this.targets(ref);
    if (cursor.object.podTemplates.length && cursor.path[0] !== undefined) return [cursor.object];
    return [];
  }

  private targets(ref: OutgoingReference): K8sObject[] {
    return referenceTargets(this.index, ref);
  }

  private referencesTo(target: K8sObject): Array<{ source: K8sObject; ref: OutgoingReference }> {
    const out: Array<{ source: K8sObject; ref: OutgoingReference }> = [];
    for (const uri of this.index.uris()) {
      for (const source of this.index.objectsIn(uri)) {
        for (const ref of outgoingReferences(source)) {
          if (ref.kind !== target.kind || ref.name !== target.name) continue;
          if (!target.clusterScoped && namespaceRelation(ref.namespace, target.namespace) === 'different') continue;
          out.push({ source, ref });
        }
      }
    }
    return out;
  }

  private selected(selector: K8sObject): Array<{ object: K8sObject; path: PathSegment[] }> {
    return selectedTemplates(this.index, selector);
  }

  private selectorsOf(workload: K8sObject): K8sObject[] {
    const out: K8sObject[] = [];
    for (const kind of ['Service', 'NetworkPolicy', 'PodDisruptionBudget']) {
      for (const candidate of this.index.ofKind(kind)) {
        if (namespaceRelation(candidate.namespace, workload.namespace) === 'different') continue;
        const site = selectorSite(candidate);
        if (site && workload.podTemplates.some((t) => site.matches(t.labels))) out.push(candidate);
      }
    }
    return out;
  }

  private location(object: K8sObject, path: PathSegment[]): Location {
    const file = this.index.file(object.location.uri)!;
    return { uri: file.uri, range: rangeOf(file, object, path) };
  }
}

function rangeOf(file: ManifestFile, object: K8sObject, path: PathSegment[]): Range {
  const doc = file.docs[object.location.docIndex];
  if (!doc) return file.lines.rangeOf(0, 0);
  const located = locatePath(doc.yaml, [...object.location.base, ...path]);
  const range = nodeRange(located.node) ?? nodeRange(located.key) ?? [doc.start, doc.start];
  return file.lines.rangeOf(range[0], range[1]);
}
