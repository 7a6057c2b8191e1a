import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { LineIndex } from './lineIndex';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** LSP DiagnosticSeverity numbers, kept here so the engine needs no LSP runtime import. */
export const SEVERITY: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };
export const SEVERITY_NAME: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

export const SOURCE = 'shipshape';

export function makeDiagnostic(
  lines: LineIndex,
  start: number,
  end: number,
  severity: Severity,
  code: string,
  message: string,
  relatedInformation?: DiagnosticRelatedInformation[],
): Diagnostic {
  const diagnostic: Diagnostic = { range: lines.rangeOf(start, end), severity: SEVERITY[severity], code, source: SOURCE, message };
  if (relatedInformation?.length) diagnostic.relatedInformation = relatedInformation;
  return diagnostic;
}
