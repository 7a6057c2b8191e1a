import type { Severity } from '../../documents/diagnostic';
import type { PathSegment } from '../../documents/yamlPath';
import { closestMatches } from '../../validation/suggest';
import { namespaceRelation } from '../namespaces';
import { isRecord, type K8sObject } from './k8sObject';
import type { RuleContext, RuleFinding } from './ruleContext';

export interface NamedReference {
  kind: string;
  name: unknown;
  /** Path of the name scalar, relative to the source object. */
  path: PathSegment[];
  /** `optional: true` references are tolerated by the kubelet: at most Information. */
  optional?: boolean;
  /** The namespace the reference resolves in; the source's own by default. */
  namespace?: string;
}

// Objects that create a referent without being that kind (crossref-rules §2.4).
function providedBy(ctx: RuleContext, kind: string, name: string): K8sObject | undefined {
  if (kind === 'Secret') {
    for (const o of ctx.ofKind('SealedSecret')) if (o.name === name) return o;
    for (const o of ctx.ofKind('ExternalSecret')) {
      const target = isRecord(o.value.spec) && isRecord(o.value.spec.target) ? o.value.spec.target.name : undefined;
      if ((typeof target === 'string' ? target : o.name) === name) return o;
    }
    for (const o of ctx.ofKind('Certificate')) if (isRecord(o.value.spec) && o.value.spec.secretName === name) return o;
  }
  const generator = kind === 'Secret' ? 'secretGenerator' : kind === 'ConfigMap' ? 'configMapGenerator' : undefined;
  if (generator) {
    for (const o of ctx.ofKind('Kustomization')) {
      const list = o.value[generator];
      if (Array.isArray(list) && list.some((g) => isRecord(g) && g.name === name)) return o;
    }
  }
  return undefined;
}

export type Resolution =
  | { status: 'found'; target: K8sObject }
  | { status: 'provided' | 'known' | 'skipped' }
  | { status: 'finding'; finding: RuleFinding };

/**
 * Resolves a by-name reference to a namespaced (or cluster-scoped) object and words the
 * finding when it does not resolve, with the confidence gating of crossref-rules §2.5.
 */
export function resolveReference(ctx: RuleContext, source: K8sObject, ref: NamedReference, ruleSeverity: Severity, what = ref.kind): Resolution {
  if (typeof ref.name !== 'string' || ref.name === '') return { status: 'skipped' };
  const name = ref.name;
  const namespace = ref.namespace ?? source.namespace;
  if (ctx.known.has(ref.kind, name, namespace)) return { status: 'known' };
  const matches = ctx.find(ref.kind, name, namespace);
  const same = matches.find((m) => m.relation === 'same');
  if (same) return { status: 'found', target: same.object };
  if (providedBy(ctx, ref.kind, name)) return { status: 'provided' };
  const maybe = matches.find((m) => m.relation === 'maybe');
  if (maybe) {
    return {
      status: 'finding',
      finding: {
        path: ref.path,
        severity: 'hint',
        message: `${what} "${name}" exists in namespace "${maybe.object.namespace ?? '(unset)'}", which may not be this object's namespace "${namespace ?? '(unset)'}".`,
        related: [{ object: maybe.object, path: ['metadata', 'name'], message: `${ref.kind} "${name}"` }],
      },
    };
  }
  const elsewhere = matches[0];
  if (elsewhere) {
    return {
      status: 'finding',
      finding: {
        path: ref.path,
        severity: ref.optional ? 'information' : ruleSeverity,
        message: `${what} "${name}" is in namespace "${elsewhere.object.namespace}", but references are namespace-local (this object is in "${namespace}").`,
        related: [{ object: elsewhere.object, path: ['metadata', 'name'], message: `${ref.kind} "${name}" in namespace "${elsewhere.object.namespace}"` }],
      },
    };
  }
  // Open world: a kind this workspace never defines, or a workspace with files we could not read.
  const nearby = ctx.ofKindNear(ref.kind, source.location.uri);
  const uncertain = nearby.length === 0 || ctx.workspaceIncomplete();
  const candidates = nearby.filter((o) => o.clusterScoped || namespaceRelation(namespace, o.namespace) !== 'different');
  const [closest] = closestMatches(name, [...new Set(candidates.map((o) => o.name))]);
  const near = closest ? candidates.find((o) => o.name === closest) : undefined;
  const severity: Severity = uncertain ? 'hint' : ref.optional ? 'information' : ruleSeverity;
  return {
    status: 'finding',
    finding: {
      path: ref.path,
      severity,
      message: `${what} "${name}" not found${namespace ? ` in namespace "${namespace}"` : ''}${near ? `; did you mean "${near.name}"?` : '.'}${uncertain && !near ? ' (no such object in the workspace; it may be created elsewhere)' : ''}`,
      related: near ? [{ object: near, path: ['metadata', 'name'], message: `${ref.kind} "${near.name}"` }] : undefined,
    },
  };
}
