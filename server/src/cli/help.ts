import { TOOL_VERSION } from './packageInfo';

/** The `--help` text; kept next to args.ts's options so both change together. */
export function helpText(supportedVersions: readonly string[], defaultVersion: string): string {
  return `shipshape ${TOOL_VERSION} — offline validation of Kubernetes and Docker Compose YAML

Usage:
  shipshape check [--k8s-version 1.xx] [--format text|json|sarif] PATH...
  shipshape plan ...            (not available yet)
  shipshape --help | --version

PATH may be files or folders; folders are searched for *.yaml and *.yml files
(node_modules and .git are skipped). CustomResourceDefinitions found in any PATH
validate their custom resources in all of them.

Options:
  --k8s-version 1.xx   Kubernetes version to validate against (default ${defaultVersion});
                       supported: ${supportedVersions.join(', ')}
  --format FORMAT      text (default): path:line:col: severity code message
                       json: one JSON array of findings (0-based ranges, like LSP)
                       sarif: SARIF 2.1.0, for GitHub code scanning
  -h, --help           Show this help
  -v, --version        Show the version

Exit status:
  0  no error-severity findings
  1  at least one error-severity finding
  2  usage error, unreadable path, or internal error
`;
}
