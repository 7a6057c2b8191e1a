import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver-types';
import type { Severity } from '../documents/diagnostic';
import type { Finding } from './finding';
import { TOOL_INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from './packageInfo';
import { ruleDescription } from './ruleDescriptions';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
// Relative URIs resolve against the folder the check ran in; GitHub maps it to the checkout.
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A path as a URI reference: relative (forward slashes, escaped) inside cwd, else an absolute file URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(cwd, file);
  const rel = relative(cwd, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  const uri = rel
    .split(sep)
    .map((segment) => encodeURI(segment).replace(/[?#:]/g, (c) => encodeURIComponent(c)))
    .join('/');
  return { uri, uriBaseId: SRCROOT };
}

// SARIF regions are 1-based; columns count UTF-16 code units (declared by `columnKind`) like LSP,
// and endColumn is exclusive like LSP's end character.
function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function physicalLocation(file: string, range: Range, cwd: string) {
  return { artifactLocation: artifactLocation(file, cwd), region: region(range) };
}

/**
 * SARIF 2.1.0 in the subset GitHub code scanning reads: one run, a rule per rule id used, each
 * result with its rule, level, message, location and related locations. Fingerprints are left
 * to the upload step (github/codeql-action computes them from the file).
 */
export function formatSarif(findings: readonly Finding[], cwd: string): string {
  const ruleIds = [...new Set(findings.map((f) => f.code))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: TOOL_INFORMATION_URI,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            rules: ruleIds.map((id) => ({ id, name: id, shortDescription: { text: ruleDescription(id) } })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: ruleIndex.get(f.code)!,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: physicalLocation(f.file, f.range, cwd) }],
          ...(f.related.length > 0 && {
            relatedLocations: f.related.map((r, id) => ({
              id,
              physicalLocation: physicalLocation(r.file, r.range, cwd),
              message: { text: r.message },
            })),
          }),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
