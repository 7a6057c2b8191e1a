import { isScalar, Scalar } from 'yaml';
import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ManifestFile } from '../../documents/manifestFile';
import { locatePath } from '../../documents/yamlPath';
import { scalarIndexOffsets } from '../../validation/compose/scalarOffsets';
import { findResource, findService, loadComposeProject, type ComposeProject } from './composeProject';
import { entries, get, isTrue } from './model';
import { modelSites, writtenTrees, type Site, type SiteKind } from './navigationSites';
import type { Origin } from './tree';
import { readsAsString } from '../labelRename';
import { RecordingWorkspace, type ComposeWorkspace } from './workspace';

/**
 * Definition, references and rename of Compose services, networks, volumes, secrets and
 * configs across the files of their project (standard + override file, includes, extends).
 *
 * Every Compose project of the workspace is loaded; each place a name is written (a "site") is
 * resolved, in each project that reads it, to the declaration(s) it means there. Sites and
 * declarations joined by a resolution form one symbol (union-find): the same text read by two
 * projects (a shared include) joins their declarations, so a rename never leaves either
 * project broken, while two projects that merely use the same name stay apart.
 */

interface SiteRecord {
  key: string;
  kind: SiteKind;
  name: string;
  file: ManifestFile;
  start: number;
  end: number;
  declaration: boolean;
  /** The range holds exactly the name (not an interpolated `${…}`): safe to rewrite. */
  exact: boolean;
  /** The range is a whole plain value: a new name YAML would read as a number or boolean needs quotes. */
  plain: boolean;
}

interface Graph {
  sites: Map<string, SiteRecord>;
  /** Site key → the declaration keys it resolves to (in any project). */
  resolved: Map<string, Set<string>>;
  parent: Map<string, string>;
  /** Declaration keys of resources declared `external` without a `name:` (their key is the real name). */
  external: Set<string>;
}

/** Kinds whose names rename can change: a secret's or config's name is also its default mount path. */
const RENAMABLE = new Set<SiteKind>(['service', 'networks', 'volumes']);
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Offsets of exactly the name's characters (quotes excluded), or the whole scalar when they can't be mapped; and whether that is a whole plain value. */
function nameOffsets(origin: Origin, sub?: [number, number]): { start: number; end: number; plain: boolean } | undefined {
  const { file } = origin.src;
  const doc = file.docs[origin.src.doc];
  if (!doc) return undefined;
  const located = locatePath(doc.yaml, origin.path);
  if (located.found.length < origin.path.length) return undefined;
  const node = origin.on === 'key' ? located.key : located.node;
  if (!isScalar(node) || !node.range) return undefined;
  const whole = { start: node.range[0], end: node.range[1] };
  const map = scalarIndexOffsets(file.text, node);
  const [a, b] = sub ?? [0, (map?.length ?? 1) - 1];
  const offsets = map && a >= 0 && b < map.length && a <= b ? { start: map[a]!, end: map[b]! } : whole;
  const plain = origin.on === 'value' && node.type === Scalar.PLAIN && offsets.start === whole.start && offsets.end === whole.end;
  return { ...offsets, plain };
}

export class ComposeNavigation {
  /**
   * @param composeFiles the Compose files of the workspace (each may be a project's entry)
   * @param workspace reads the files projects pull in (open buffers first, then the disk)
   */
  constructor(
    private readonly composeFiles: () => Iterable<ManifestFile>,
    private readonly workspace: ComposeWorkspace,
  ) {}

  /** From a reference to the declaration(s) it means; on a declaration, every place declaring it. */
  definition(file: ManifestFile, offset: number): Location[] {
    const graph = this.graph(file);
    const at = this.siteAt(graph, file, offset);
    if (!at) return [];
    const out = new Map<string, Location>();
    for (const key of graph.resolved.get(at.key) ?? []) {
      const decl = graph.sites.get(key);
      if (decl) out.set(key, location(decl));
    }
    return [...out.values()];
  }

  /** Every site of the symbol under the cursor, declarations first (when asked for). */
  references(file: ManifestFile, offset: number, includeDeclaration: boolean): Location[] {
    const graph = this.graph(file);
    const at = this.siteAt(graph, file, offset);
    if (!at) return [];
    return this.symbol(graph, at)
      .filter((s) => includeDeclaration || !s.declaration)
      .sort((a, b) => Number(b.declaration) - Number(a.declaration))
      .map(location);
  }

  /** The name under the cursor, when it is a service, network or volume that can be renamed. */
  renameRange(file: ManifestFile, offset: number): Range | undefined {
    const graph = this.graph(file);
    const at = this.siteAt(graph, file, offset);
    if (!at || !this.renamable(graph, at)) return undefined;
    return file.lines.rangeOf(at.start, at.end);
  }

  /** Renames the declaration(s) and every reference across the project's files, in one edit. */
  rename(file: ManifestFile, offset: number, newName: string): WorkspaceEdit | undefined {
    const graph = this.graph(file);
    const at = this.siteAt(graph, file, offset);
    if (!at || !NAME.test(newName) || !this.renamable(graph, at)) return undefined;
    const changes: Record<string, TextEdit[]> = {};
    for (const s of this.symbol(graph, at)) {
      // An interpolated name (`${DB:-db}`) is left as written: rewriting it would drop the variable.
      const newText = s.plain && !readsAsString(newName) ? `"${newName}"` : newName;
      if (s.exact) (changes[s.file.uri] ??= []).push({ range: s.file.lines.rangeOf(s.start, s.end), newText });
    }
    return { changes };
  }

  private renamable(graph: Graph, at: SiteRecord): boolean {
    if (!RENAMABLE.has(at.kind) || !at.exact) return false;
    if (at.kind === 'networks' && at.name === 'default') return false; // the implicit network
    return !this.symbol(graph, at).some((s) => graph.external.has(s.key));
  }

  private siteAt(graph: Graph, file: ManifestFile, offset: number): SiteRecord | undefined {
    let best: SiteRecord | undefined;
    for (const s of graph.sites.values()) {
      if (s.file.uri !== file.uri || offset < s.start || offset > s.end) continue;
      if (!best || s.end - s.start < best.end - best.start) best = s;
    }
    return best;
  }

  private symbol(graph: Graph, at: SiteRecord): SiteRecord[] {
    const root = find(graph.parent, at.key);
    return [...graph.sites.values()].filter((s) => find(graph.parent, s.key) === root);
  }

  // Loads every project once (one read per file for the whole request) and links sites to declarations.
  private graph(entry: ManifestFile): Graph {
    const workspace = new RecordingWorkspace(this.workspace);
    const graph: Graph = { sites: new Map(), resolved: new Map(), parent: new Map(), external: new Set() };
    const seen = new Set<string>();
    const starts = new Map<string, ManifestFile>([[entry.uri, entry]]);
    for (const file of this.composeFiles()) if (!file.templated) starts.set(file.uri, file);
    for (const file of starts.values()) {
      let project: ComposeProject;
      try {
        project = loadComposeProject(file, workspace);
      } catch {
        continue; // never expected; navigation must not fail on one odd project
      }
      const id = projectId(project);
      if (seen.has(id)) continue;
      seen.add(id);
      this.addProject(graph, project, id, workspace);
    }
    return graph;
  }

  private addProject(graph: Graph, project: ComposeProject, id: string, workspace: ComposeWorkspace): void {
    const written = new Map<string, ManifestFile>(project.files.map((f) => [f.uri, f]));
    for (const include of project.includes) {
      const file = include.found ? workspace.getFile(include.uri) : undefined;
      if (file) written.set(file.uri, file);
    }
    const sites = [...modelSites(project.root), ...[...written.values()].flatMap((f) => writtenTrees(f).flatMap(modelSites))];
    for (const s of sites) {
      const record = this.record(graph, s);
      if (!record) continue;
      for (const decl of this.resolve(graph, project, id, s, workspace)) {
        union(graph.parent, record.key, decl);
        let set = graph.resolved.get(record.key);
        if (!set) graph.resolved.set(record.key, (set = new Set()));
        if (graph.sites.has(decl)) set.add(decl);
      }
    }
  }

  // The declaration keys a site means in a project; a pseudo key when nothing declares it.
  private resolve(graph: Graph, project: ComposeProject, id: string, s: Site, workspace: ComposeWorkspace): string[] {
    const missing = [`?${id}\u0000${s.kind}\u0000${s.name}`];
    let origins: Origin[] | undefined;
    if (s.file) {
      const target = workspace.getFile(s.file);
      origins = target ? writtenTrees(target).flatMap((t) => entries(get(t, 'services')).filter((e) => e.key === s.name).flatMap((e) => e.origins)) : [];
      if (!origins.length) return [`?${s.file}\u0000${s.name}`];
    } else if (s.kind === 'service') origins = findService(project, s.name)?.decl.origins;
    else {
      const resource = findResource(project, s.kind, s.name);
      origins = resource?.origins;
      const external = resource && isTrue(get(resource.value, 'external')) && !get(resource.value, 'name');
      if (external) for (const at of origins ?? []) this.externalKey(graph, s, at);
    }
    if (!origins?.length) return missing;
    return origins.map((at) => this.record(graph, { kind: s.kind, name: s.name, at, declaration: true })?.key).filter((k): k is string => k !== undefined);
  }

  private externalKey(graph: Graph, s: Site, at: Origin): void {
    const record = this.record(graph, { kind: s.kind, name: s.name, at, declaration: true });
    if (record) graph.external.add(record.key);
  }

  private record(graph: Graph, s: Site): SiteRecord | undefined {
    const offsets = nameOffsets(s.at, s.sub);
    if (!offsets) return undefined;
    const { start, end, plain } = offsets;
    const file = s.at.src.file;
    const key = `${file.uri}\u0000${start}\u0000${end}`;
    const known = graph.sites.get(key);
    if (known) {
      known.declaration ||= s.declaration;
      return known;
    }
    const record: SiteRecord = { key, kind: s.kind, name: s.name, file, start, end, declaration: s.declaration, exact: file.text.slice(start, end) === s.name, plain };
    graph.sites.set(key, record);
    return record;
  }
}

function projectId(project: ComposeProject): string {
  const files = (p: ComposeProject | undefined): string => (p ? p.files.map((f) => f.uri).join('|') : '');
  return `${files(project)}#${files(project.fallback)}`;
}

function location(s: SiteRecord): Location {
  return { uri: s.file.uri, range: s.file.lines.rangeOf(s.start, s.end) };
}

function find(parent: Map<string, string>, key: string): string {
  let root = key;
  for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
  for (let node = key; node !== root; ) {
    const up = parent.get(node)!;
    parent.set(node, root);
    node = up;
  }
  return root;
}

function union(parent: Map<string, string>, a: string, b: string): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra !== rb) parent.set(ra, rb);
}
