import type { Diagnostic } from 'vscode-languageserver-types';
import type { ManifestFile } from '../documents/manifestFile';
import type { KubernetesSchemas } from '../schema/kubernetesSchemas';
import { CrdRegistry } from '../schema/crdRegistry';
import { ManifestValidator } from '../validation/manifestValidator';
import { WorkspaceIndex } from '../crossref/workspaceIndex';
import { K8sCrossref } from '../crossref/k8s/k8sCrossref';
import { K8S_RULES } from '../crossref/k8s/rules';
import { knownObjects } from '../crossref/k8s/knownObjects';
import { applyRuleSettings } from '../crossref/ruleSettings';
import { Navigation } from '../crossref/navigation';
import { composeCrossrefDiagnostics, composeDependencies } from '../crossref/compose/composeCrossref';
import { ComposeHost, canonicalUri } from './composeHost';
import { loadComposeProject, type ComposeProject } from '../crossref/compose/composeProject';
import { isKustomizationFile, kustomizationScope, namespaceFor, type NamespaceScope } from '../crossref/kustomizeNamespaces';
import { kustomizationPathDiagnostics } from '../crossref/kustomizePaths';

export interface WorkspaceSettings {
  kubernetesVersion: string;
  /** `shipshape.rules`: rule id → off | hint | information | warning | error. */
  rules: Readonly<Record<string, string>>;
}

/** What changed for other files after an update. */
export interface UpdateEffect {
  /** Files whose diagnostics may have changed (besides the updated one). */
  affected: Set<string>;
  /** Everything may have changed (CRDs came or went). */
  all: boolean;
}

/**
 * The engine over a whole workspace, the same for the language server and the CLI: schema
 * validation per file, the cross-reference index and rules, rule levels and suppressions.
 */
export class ManifestWorkspace {
  readonly index = new WorkspaceIndex();
  readonly crds = new CrdRegistry();
  readonly validator: ManifestValidator;
  readonly k8s: K8sCrossref;
  readonly navigation: Navigation;
  private readonly scopes = new Map<string, NamespaceScope>();
  private readonly compose: ComposeHost;
  /** URI → the compose files whose cross-references read it (override files, includes, env files…). */
  private readonly composeDependents = new Map<string, Set<string>>();

  constructor(schemas: KubernetesSchemas, known: readonly string[] = []) {
    this.validator = new ManifestValidator(schemas);
    this.k8s = new K8sCrossref(this.index, K8S_RULES, knownObjects(known));
    this.compose = new ComposeHost((uri) => this.index.file(uri));
    this.navigation = new Navigation(this.index, this.compose);
  }

  /** What Compose features read files through: indexed files first, then the disk. */
  get composeWorkspace(): ComposeHost {
    return this.compose;
  }

  /** The merged Compose project a Compose file belongs to (override files, includes and extends resolved). */
  composeProject(file: ManifestFile): ComposeProject | undefined {
    return file.flavor === 'compose' && !file.templated ? loadComposeProject(file, this.compose) : undefined;
  }

  setKnownObjects(known: readonly string[]): void {
    this.k8s.setKnownObjects(knownObjects(known));
  }

  /** Indexes a parsed file (an open buffer or a file on disk), replacing what the URI held. */
  update(file: ManifestFile): UpdateEffect {
    if (this.index.file(file.uri) === file) return { affected: new Set(), all: false }; // this very parse is indexed already
    const all = this.crds.update(file);
    const effect: UpdateEffect = { affected: new Set(), all };
    this.merge(effect, this.index.update(file, namespaceFor(file.uri, this.scopes.values())));
    this.k8s.retain(file.uri, this.index.objectsIn(file.uri));
    this.updateScope(file, effect);
    this.trackCompose(file, effect);
    effect.affected.delete(file.uri);
    return effect;
  }

  remove(uri: string): UpdateEffect {
    const effect: UpdateEffect = { affected: new Set(), all: this.crds.remove(uri) };
    this.k8s.forget(uri);
    this.merge(effect, this.index.remove(uri));
    if (this.scopes.delete(uri)) this.reindexScoped(effect);
    this.untrackCompose(uri, effect);
    effect.affected.delete(uri);
    return effect;
  }

  has(uri: string): boolean {
    return this.index.file(uri) !== undefined;
  }

  /** All findings of one indexed file: schema, cross-references, then rule levels and suppressions. */
  diagnostics(uri: string, settings: WorkspaceSettings): Diagnostic[] {
    const file = this.index.file(uri);
    if (!file) return [];
    const schema = this.validator.validate(file, { kubernetesVersion: settings.kubernetesVersion, crds: this.crds });
    const crossref = file.templated ? [] : file.flavor === 'compose' ? composeCrossrefDiagnostics(file, this.compose) : this.k8s.diagnostics(uri);
    const paths = isKustomizationFile(uri) ? kustomizationPathDiagnostics(file, (u) => this.compose.exists(u)).diagnostics : [];
    return applyRuleSettings([...schema, ...crossref, ...paths], file, settings.rules);
  }

  // Compose findings read other files (the override beside a compose.yaml, includes, env files), and a
  // kustomization checks that the files it names exist: remember who reads what, so a change to one
  // re-checks its readers.
  private trackCompose(file: ManifestFile, effect: UpdateEffect): void {
    this.untrackCompose(file.uri, effect);
    const kustomization = isKustomizationFile(file.uri);
    if (file.flavor !== 'compose' && !kustomization) return;
    const dependencies = kustomization ? kustomizationPathDiagnostics(file, (u) => this.compose.exists(u)).asked : composeDependencies(file, this.compose);
    for (const dependency of dependencies) {
      const key = canonicalUri(dependency);
      let readers = this.composeDependents.get(key);
      if (!readers) this.composeDependents.set(key, (readers = new Set()));
      readers.add(file.uri);
    }
  }

  private untrackCompose(uri: string, effect: UpdateEffect): void {
    for (const reader of this.composeDependents.get(canonicalUri(uri)) ?? []) effect.affected.add(reader);
    for (const readers of this.composeDependents.values()) readers.delete(uri);
  }

  private merge(effect: UpdateEffect, changed: Set<string>): void {
    for (const uri of this.k8s.invalidate(changed)) effect.affected.add(uri);
  }

  // A kustomization's namespace changes the namespace of the files it lists: re-index them.
  private updateScope(file: ManifestFile, effect: UpdateEffect): void {
    const scope = kustomizationScope(file);
    const before = JSON.stringify(this.scopes.get(file.uri));
    if (scope) this.scopes.set(file.uri, scope);
    else this.scopes.delete(file.uri);
    if (JSON.stringify(scope) !== before) this.reindexScoped(effect);
  }

  private reindexScoped(effect: UpdateEffect): void {
    for (const uri of this.index.uris()) {
      const file = this.index.file(uri)!;
      const namespace = namespaceFor(uri, this.scopes.values());
      const stale = this.index.objectsIn(uri).some((o) => {
        if (o.clusterScoped) return false;
        const explicit = (o.value.metadata as { namespace?: unknown } | undefined)?.namespace;
        return o.namespace !== (namespace ?? (typeof explicit === 'string' && explicit ? explicit : undefined));
      });
      if (!stale) continue;
      this.k8s.forget(uri);
      this.merge(effect, this.index.update(file, namespace));
      effect.affected.add(uri);
    }
  }
}
