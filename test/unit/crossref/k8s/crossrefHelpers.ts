import { parseManifestFile } from '../../../../server/src/documents/manifestFile';
import { WorkspaceIndex } from '../../../../server/src/crossref/workspaceIndex';
import { K8sCrossref } from '../../../../server/src/crossref/k8s/k8sCrossref';
import assert from 'node:assert/strict';
import { K8S_RULES } from '../../../../server/src/crossref/k8s/rules';
import type { K8sRule } from '../../../../server/src/crossref/k8s/ruleContext';
import { knownObjects } from '../../../../server/src/crossref/k8s/knownObjects';

export interface CrossrefFound {
  uri: string;
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  /** The text the range covers. */
  text: string;
  line: number;
  related: Array<{ uri: string; line: number; text: string; message: string }>;
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const;

/** An in-memory workspace of files (name → text) indexed like the server does. */
export function workspace(files: Record<string, string>, known: string[] = [], rules: readonly K8sRule[] = K8S_RULES) {
  const index = new WorkspaceIndex();
  const texts = new Map<string, string>();
  for (const [name, text] of Object.entries(files)) {
    const uri = `file:///ws/${name}`;
    texts.set(uri, text);
    index.update(parseManifestFile(uri, text));
  }
  const crossref = new K8sCrossref(index, rules, knownObjects(known));
  const textAt = (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    const file = index.file(uri)!;
    return file.text.slice(file.lines.offsetAt(range.start), file.lines.offsetAt(range.end));
  };
  return {
    index,
    crossref,
    update(name: string, text: string) {
      const uri = `file:///ws/${name}`;
      const changed = index.update(parseManifestFile(uri, text, index.file(uri)));
      crossref.forget(uri);
      return crossref.invalidate(changed);
    },
    /** Findings of every file (or of one), above the given severity. */
    findings(name?: string): CrossrefFound[] {
      const uris = name ? [`file:///ws/${name}`] : index.uris();
      return uris.flatMap((uri) =>
        crossref.diagnostics(uri).map((d) => ({
          uri: uri.slice('file:///ws/'.length),
          code: String(d.code),
          severity: SEVERITY[(d.severity ?? 1) as 1 | 2 | 3 | 4],
          message: String(d.message),
          text: textAt(uri, d.range),
          line: d.range.start.line,
          related: (d.relatedInformation ?? []).map((r) => ({
            uri: r.location.uri.slice('file:///ws/'.length),
            line: r.location.range.start.line,
            text: textAt(r.location.uri, r.location.range),
            message: r.message,
          })),
        })),
      );
    },
  };
}

/** Joins lines; keeps fixtures readable without template-literal indentation games. */
export function lines(...l: string[]): string {
  return l.join('\n') + '\n';
}

/** Findings of one rule code. */
export function ofCode(found: CrossrefFound[], code: string): CrossrefFound[] {
  return found.filter((f) => f.code === code);
}

/**
 * Asserts exactly one finding of `code` among `found`, with its severity, the exact text its
 * range covers, and (when given) its related locations as [file, text] pairs; returns it.
 */
export function expectOne(
  found: CrossrefFound[],
  code: string,
  expected: { severity: CrossrefFound['severity']; text: string; related?: Array<[string, string]>; message?: RegExp },
): CrossrefFound {
  const matches = ofCode(found, code);
  assert.equal(matches.length, 1, `expected one ${code}, got: ${JSON.stringify(found.map((f) => [f.code, f.severity, f.text, f.message]))}`);
  const f = matches[0]!;
  assert.equal(f.severity, expected.severity, f.message);
  assert.equal(f.text, expected.text, f.message);
  if (expected.related) assert.deepEqual(f.related.map((r) => [r.uri, r.text]), expected.related, f.message);
  if (expected.message) assert.match(f.message, expected.message);
  return f;
}

/** Findings above Hint (what a person sees as a problem). */
export function aboveHint(found: CrossrefFound[]): CrossrefFound[] {
  return found.filter((f) => f.severity !== 'hint');
}
