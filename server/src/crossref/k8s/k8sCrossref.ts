import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { ManifestFile } from '../../documents/manifestFile';
import { makeDiagnostic, type Severity } from '../../documents/diagnostic';
import { findingOffsets } from '../../validation/findingRanges';
import { fingerprint, type DependencyKey, type WorkspaceIndex } from '../workspaceIndex';
import { RuleContext, type K8sRule, type KnownObjects, type RuleFinding } from './ruleContext';
import type { K8sObject } from './k8sObject';

interface Evaluation {
  findings: Array<{ rule: K8sRule; finding: RuleFinding }>;
  deps: Set<DependencyKey>;
}

/**
 * Runs the Kubernetes cross-reference rules over the objects of a file. Evaluations are cached
 * per object content and dropped only when a dependency they recorded changes, so an edit
 * re-evaluates exactly the objects it can affect.
 */
export class K8sCrossref {
  private cache = new Map<string, Evaluation>();
  /** Object evaluations performed (not served from cache): lets tests and benchmarks prove incrementality. */
  evaluations = 0;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly rules: readonly K8sRule[],
    private known: KnownObjects,
  ) {}

  setKnownObjects(known: KnownObjects): void {
    this.known = known;
    this.cache.clear();
  }

  /** Drops the evaluations that read any of these keys; returns the URIs whose findings may change. */
  invalidate(changed: ReadonlySet<DependencyKey>): Set<string> {
    const affected = new Set<string>();
    if (changed.size === 0) return affected;
    for (const [key, evaluation] of this.cache) {
      for (const dep of evaluation.deps) {
        if (!changed.has(dep)) continue;
        this.cache.delete(key);
        affected.add(key.slice(0, key.indexOf('\u0000')));
        break;
      }
    }
    return affected;
  }

  /** Keeps only the evaluations of a file's current objects (unchanged objects keep theirs). */
  retain(uri: string, objects: readonly K8sObject[]): void {
    const current = new Set(objects.map((o) => `${uri}\u0000${fingerprint(o)}`));
    const prefix = `${uri}\u0000`;
    for (const key of this.cache.keys()) if (key.startsWith(prefix) && !current.has(key)) this.cache.delete(key);
  }

  /** Forgets every evaluation of a file's objects (the file went away). */
  forget(uri: string): void {
    const prefix = `${uri}\u0000`;
    for (const key of this.cache.keys()) if (key.startsWith(prefix)) this.cache.delete(key);
  }

  diagnostics(uri: string): Diagnostic[] {
    const file = this.index.file(uri);
    if (!file) return [];
    const out: Diagnostic[] = [];
    for (const object of this.index.objectsIn(uri)) {
      for (const { rule, finding } of this.evaluate(object).findings) out.push(this.toDiagnostic(file, object, rule, finding));
    }
    return out;
  }

  private evaluate(object: K8sObject): Evaluation {
    const key = `${object.location.uri}\u0000${fingerprint(object)}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    this.evaluations++;
    const ctx = new RuleContext(this.index, this.known);
    const findings: Evaluation['findings'] = [];
    for (const rule of this.rules) {
      try {
        for (const finding of rule.check(object, ctx)) findings.push({ rule, finding });
      } catch (error) {
        // A rule that trips over an odd shape must not take the others down: say so quietly, on the object.
        const internal: K8sRule = { name: 'internal-error', severity: 'information', check: () => [] };
        findings.push({ rule: internal, finding: { path: ['kind'], message: `Shipshape's ${rule.name} check failed on this object: ${(error as Error)?.message ?? error}` } });
      }
    }
    const evaluation = { findings, deps: ctx.deps };
    this.cache.set(key, evaluation);
    return evaluation;
  }

  private toDiagnostic(file: ManifestFile, object: K8sObject, rule: K8sRule, finding: RuleFinding): Diagnostic {
    const [start, end] = this.offsets(file, object, finding.path, finding.on ?? 'value');
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of finding.related ?? []) {
      const other = this.index.file(r.object.location.uri);
      if (!other) continue;
      const [s, e] = this.offsets(other, r.object, r.path, 'key');
      related.push({ location: { uri: other.uri, range: other.lines.rangeOf(s, e) }, message: r.message });
    }
    const severity: Severity = finding.severity ?? rule.severity;
    return makeDiagnostic(file.lines, start, end, severity, rule.name, finding.message, related);
  }

  private offsets(file: ManifestFile, object: K8sObject, path: RuleFinding['path'], on: 'key' | 'value'): [number, number] {
    const doc = file.docs[object.location.docIndex];
    if (!doc) return [0, 0];
    return findingOffsets(file, doc, { path: [...object.location.base, ...path], on, code: '', message: '' });
  }
}
