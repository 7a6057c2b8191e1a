import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace, type CrossrefFound } from './crossrefHelpers';

/**
 * kube-linter's own fixtures for its relational checks (../shared/peer-tests/kube-linter): the
 * same manifests must give the counts its README says kube-linter expects, of our corresponding
 * rule codes at Warning or above, unless our semantics deliberately differ (documented below).
 */
const DIR = join(__dirname, '../../../../../shared/peer-tests/kube-linter');

function counts(file: string, codes: string[]): { warningOrAbove: number; any: number } {
  const found: CrossrefFound[] = workspace({ [file]: readFileSync(join(DIR, file), 'utf8') }).findings().filter((f) => codes.includes(f.code));
  return { warningOrAbove: found.filter((f) => f.severity === 'warning' || f.severity === 'error').length, any: found.length };
}

const SAME: Array<[file: string, check: string, codes: string[], expected: number]> = [
  ['dangling-service.yml', 'dangling-service', ['service-selector-no-pods'], 2],
  ['dangling-ingress.yml', 'dangling-ingress', ['ingress-backend-service-missing', 'ingress-backend-port-mismatch'], 2],
  ['dangling-hpa.yml', 'dangling-horizontalpodautoscaler', ['hpa-target-missing'], 1],
  ['duplicate-env-var.yaml', 'duplicate-env-var', ['duplicate-env-var'], 2],
  // OpenShift DeploymentConfig is a pod source here, so its rows count (2, not 1).
  ['non-existent-service-account.yml', 'non-existent-service-account', ['serviceaccount-missing'], 2],
  ['mismatching-selector.yml', 'mismatching-selector', ['workload-selector-template-mismatch'], 2],
];

for (const [file, check, codes, expected] of SAME) {
  test(`kube-linter ${check}: ${file} gives ${expected} × ${codes.join(' + ')} at Warning or above`, () => {
    assert.equal(counts(file, codes).warningOrAbove, expected);
  });
}

test('kube-linter dangling-networkpolicy: dangling-networkpolicy.yml gives 1 finding, deliberately a Hint', () => {
  // kube-linter expects 1. The fixture holds only the NetworkPolicy: the workspace has no pod
  // template at all, so the pods live outside it. crossref-rules.md §2.5 gate 1 ("Never report
  // 'missing' for a reference whose target kind has zero instances anywhere in the workspace …
  // downgrade to Hint") and §5.1 #28 (workspace subsets) make this a Hint, not a Warning.
  assert.deepEqual(counts('dangling-networkpolicy.yml', ['netpol-podselector-no-pods']), { warningOrAbove: 0, any: 1 });
});
