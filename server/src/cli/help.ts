import { TOOL_VERSION } from './packageInfo';

/** The `--help` text; kept next to args.ts's options so both change together. */
export function helpText(supportedVersions: readonly string[], defaultVersion: string): string {
  return `shipshape ${TOOL_VERSION} — offline validation and dry runs of Kubernetes and Docker Compose YAML

Usage:
  shipshape check [--k8s-version 1.xx] [--format text|json|sarif] PATH...
  shipshape plan [--state FILE|DIR] [--commit] [-l SELECTOR [--prune]]
                 [--k8s-version 1.xx] [--format text|json] PATH...
  shipshape --help | --version

PATH may be files or folders; folders are searched for *.yaml and *.yml files
(node_modules and .git are skipped) and read in path order, as kubectl -f does.

check: validates against the Kubernetes schemas and the Compose specification, and
  checks cross-references (selectors, names, ports) across all the given paths.
  CustomResourceDefinitions found in any PATH validate their custom resources.

plan: simulates "kubectl apply" (then the Deployment, StatefulSet, DaemonSet and Job
  controllers) and "docker compose up" against a local state, and prints what would be
  created, configured, left unchanged, pruned or rejected, and each rollout step by step.

Options:
  --k8s-version 1.xx   Kubernetes version (default ${defaultVersion});
                       supported: ${supportedVersions.join(', ')}
  --format FORMAT      check: text (default), json (one array of findings, 0-based
                       ranges like LSP), sarif (SARIF 2.1.0, for code scanning)
                       plan: text (default) or json (the documented Plan object)
  --state PATH         plan: the live state, a file in "kubectl get -o yaml" format
                       (Compose state beside it as NAME.compose.yaml) or a folder of
                       environments (its default.yaml); default: an empty cluster
  --commit             plan: write the resulting state back to --state, as if the apply
                       succeeded and the rollouts finished (never over an unreadable file)
  -l, --selector SEL   plan: apply only objects with these labels (kubectl -l syntax)
  --prune              plan: also delete applied-before objects matching -l that are no
                       longer in PATH (skipped when anything is rejected)
  -h, --help           Show this help
  -v, --version        Show the version

Exit status:
  0  check: no error-severity findings; plan: nothing rejected
  1  check: at least one error-severity finding; plan: something would be rejected
  2  usage error, unreadable path or state, or internal error
`;
}
