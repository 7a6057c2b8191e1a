import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { SEVERITY_NAME, type Severity } from '../documents/diagnostic';

/** One finding as every output format sees it: file paths for people, not URIs. Ranges are 0-based (LSP). */
export interface Finding {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  related: RelatedFinding[];
}

export interface RelatedFinding {
  file: string;
  range: Range;
  message: string;
}

/** Converts an engine diagnostic; `displayPath` turns a URI into the path shown (see runCheck.ts). */
export function toFinding(file: string, diagnostic: Diagnostic, displayPath: (uri: string) => string): Finding {
  return {
    file,
    range: copyRange(diagnostic.range),
    severity: SEVERITY_NAME[diagnostic.severity ?? 1] ?? 'error',
    code: diagnostic.code === undefined ? 'shipshape' : String(diagnostic.code),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    related: (diagnostic.relatedInformation ?? []).map((r) => ({
      file: displayPath(r.location.uri),
      range: copyRange(r.location.range),
      message: r.message,
    })),
  };
}

// Plain {start, end} of {line, character}: nothing else the engine may have attached leaks into JSON.
function copyRange(range: Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

/** By position, so output does not depend on the order rules ran in (stable for ties). */
export function compareByPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
