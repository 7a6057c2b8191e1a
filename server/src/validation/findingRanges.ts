import { isCollection, type Node } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ManifestDoc, ManifestFile } from '../documents/manifestFile';
import { makeDiagnostic, type Severity } from '../documents/diagnostic';
import { findPair, locatePath, nodeRange } from '../documents/yamlPath';
import type { SchemaFinding } from './ajvErrors';

/**
 * Places a schema finding on the exact key or value it is about. Collections are never
 * highlighted whole: a finding on a mapping or list goes on its key, or on its first line.
 */
export function findingToDiagnostic(file: ManifestFile, doc: ManifestDoc, finding: SchemaFinding, severity: Severity = 'error'): Diagnostic {
  const [start, end] = findingOffsets(file, doc, finding);
  const diagnostic = makeDiagnostic(file.lines, start, end, severity, finding.code, finding.message);
  if (finding.data) diagnostic.data = { path: finding.path, ...finding.data };
  return diagnostic;
}

export function findingOffsets(file: ManifestFile, doc: ManifestDoc, finding: SchemaFinding): [number, number] {
  // Documents parsed by the worker carry a position table: most findings are placed from it.
  const fast = finding.path.length > 0 ? doc.fastPosition(finding.path) : undefined;
  if (fast) {
    const [keyStart, keyEnd, valueStart, valueEnd, collection] = fast;
    if (finding.on === 'value' && valueStart >= 0 && !collection) return [valueStart, valueEnd];
    if (keyStart >= 0) return [keyStart, keyEnd];
  }
  const location = locatePath(doc.yaml, finding.path);
  const complete = location.found.length === finding.path.length;
  const keyRange = nodeRange(location.key);
  const valueRange = complete ? nodeRange(location.node) : undefined;
  if (complete && finding.on === 'value' && valueRange && !isCollection(location.node)) return valueRange;
  if (keyRange) return keyRange;
  if (valueRange) return firstLine(file.text, valueRange);
  if (finding.path.length === 0 || location.found.length === 0) {
    // Whole-document findings go on `kind:` (what the document is), else its first line.
    const kindPair = findPair(doc.yaml, doc.yaml.contents, 'kind');
    const kindKey = nodeRange(kindPair?.key as Node | undefined);
    if (kindKey) return kindKey;
  }
  const fallback = nodeRange(location.node) ?? [doc.start, doc.end];
  return firstLine(file.text, fallback);
}

function firstLine(text: string, [start, end]: [number, number]): [number, number] {
  const newline = text.indexOf('\n', start);
  return [start, newline >= 0 && newline < end ? newline : end];
}
