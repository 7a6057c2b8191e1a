import type { Severity } from '../../documents/diagnostic';
import type { PathSegment } from '../../documents/yamlPath';
import { namespaceRelation, type NamespaceRelation } from '../namespaces';
import { dependency, type DependencyKey, type WorkspaceIndex } from '../workspaceIndex';
import type { K8sObject, PodTemplate } from './k8sObject';
import type { Labels } from '../labelSelector';

/** A problem a rule found on an object; paths are relative to the object. */
export interface RuleFinding {
  path: PathSegment[];
  on?: 'key' | 'value';
  message: string;
  /** Overrides the rule's default severity (a downgrade for optional or uncertain references). */
  severity?: Severity;
  related?: Array<{ object: K8sObject; path: PathSegment[]; message: string }>;
}

export interface K8sRule {
  /** The kebab-case rule id, reported as the diagnostic code. */
  name: string;
  severity: Severity;
  check(object: K8sObject, ctx: RuleContext): RuleFinding[];
}

/** Objects that exist without being in the workspace: built-ins and the user's declared externals. */
export interface KnownObjects {
  has(kind: string, name: string, namespace: string | undefined): boolean;
}

/**
 * What a rule may ask of the workspace. Every question is recorded as a dependency, so the
 * evaluation is redone exactly when an answer could change.
 */
export class RuleContext {
  readonly deps = new Set<DependencyKey>();

  constructor(
    private readonly index: WorkspaceIndex,
    readonly known: KnownObjects,
  ) {}

  /** Objects of a kind and name, each with how its namespace relates to `namespace`. */
  find(kind: string, name: string, namespace: string | undefined): Array<{ object: K8sObject; relation: NamespaceRelation }> {
    this.deps.add(dependency.name(kind, name));
    const out: Array<{ object: K8sObject; relation: NamespaceRelation }> = [];
    for (const object of this.index.withName(kind, name)) {
      const relation = object.clusterScoped ? 'same' : namespaceRelation(namespace, object.namespace);
      out.push({ object, relation });
    }
    return out;
  }

  /** All objects of a kind (records a dependency on every change to that kind). */
  ofKind(kind: string): K8sObject[] {
    this.deps.add(dependency.kind(kind));
    this.deps.add(dependency.labels(kind));
    return [...this.index.ofKind(kind)];
  }

  countOfKind(kind: string): number {
    this.deps.add(dependency.kind(kind));
    return this.index.countOfKind(kind);
  }

  /**
   * Objects of a kind in the same directory tree as `uri` (its folder and below): the unit a
   * person applies together (a kustomization, a chart, a folder of manifests), used to decide
   * how sure a "not found" can be and where to look for "did you mean" candidates.
   */
  ofKindNear(kind: string, uri: string): K8sObject[] {
    const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
    return this.ofKind(kind).filter((o) => o.location.uri.startsWith(folder));
  }

  /** Pod templates whose namespace may be `namespace`. */
  podSources(namespace: string | undefined): Array<{ object: K8sObject; template: PodTemplate; relation: NamespaceRelation }> {
    this.deps.add(dependency.pods);
    const out: Array<{ object: K8sObject; template: PodTemplate; relation: NamespaceRelation }> = [];
    for (const { object, template } of this.index.podSources()) {
      const relation = namespaceRelation(namespace, object.namespace);
      if (relation !== 'different') out.push({ object, template, relation });
    }
    return out;
  }

  /**
   * Pod templates in (or maybe in) `namespace` that carry all of `labels` and pass `matches`:
   * what a selector selects, found through the label index rather than a scan.
   */
  podsMatching(namespace: string | undefined, labels: Readonly<Record<string, string>>, matches: (labels: Labels) => boolean): Array<{ object: K8sObject; template: PodTemplate; relation: NamespaceRelation }> {
    this.deps.add(dependency.pods);
    const out: Array<{ object: K8sObject; template: PodTemplate; relation: NamespaceRelation }> = [];
    for (const { object, template } of this.index.podsWithLabels(labels)) {
      const relation = namespaceRelation(namespace, object.namespace);
      if (relation !== 'different' && matches(template.labels)) out.push({ object, template, relation });
    }
    return out;
  }

  /** A table derived from whole kinds, shared by every evaluation until one of those kinds changes. */
  memo<T>(key: string, kinds: readonly string[], compute: () => T): T {
    for (const kind of kinds) {
      if (kind === dependency.pods) this.deps.add(dependency.pods);
      else {
        this.deps.add(dependency.kind(kind));
        this.deps.add(dependency.labels(kind));
      }
    }
    return this.index.memo(key, kinds, compute);
  }

  /** Whether some file that failed to parse or is a template might hold what we look for. */
  workspaceIncomplete(): boolean {
    this.deps.add(dependency.incomplete);
    return this.index.incompleteUris().length > 0;
  }
}
