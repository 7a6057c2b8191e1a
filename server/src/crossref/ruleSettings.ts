import type { Diagnostic } from 'vscode-languageserver-types';
import type { ManifestFile } from '../documents/manifestFile';
import { SEVERITY } from '../documents/diagnostic';

export type RuleLevel = 'off' | 'hint' | 'information' | 'warning' | 'error';

const LEVELS = new Set<RuleLevel>(['off', 'hint', 'information', 'warning', 'error']);

const NEXT_LINE = /#\s*shipshape-disable-next-line\b([^\n]*)/;
const WHOLE_DOCUMENT = /#\s*shipshape-disable(?!-)\b([^\n]*)/g;

function ruleNames(rest: string): Set<string> | 'all' {
  const names = rest.split(/[\s,]+/).filter(Boolean);
  return names.length ? new Set(names) : 'all';
}

function covers(names: Set<string> | 'all', code: string): boolean {
  return names === 'all' || names.has(code);
}

/**
 * Applies `shipshape.rules.<name>` levels and suppression comments to a file's diagnostics:
 * `# shipshape-disable-next-line <rule>…` on the line above, `# shipshape-disable <rule>…`
 * anywhere in a `---` document for the whole document (no rule names: every rule).
 */
export function applyRuleSettings(diagnostics: Diagnostic[], file: ManifestFile, levels: Readonly<Record<string, string>>): Diagnostic[] {
  const hasComments = file.text.includes('shipshape-disable');
  const documentSuppressions = hasComments ? collectDocumentSuppressions(file) : [];
  const out: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const code = String(diagnostic.code ?? '');
    const level = levels[code] as RuleLevel | undefined;
    if (level === 'off') continue;
    if (hasComments && suppressed(file, diagnostic, code, documentSuppressions)) continue;
    out.push(level && LEVELS.has(level) ? { ...diagnostic, severity: SEVERITY[level as Exclude<RuleLevel, 'off'>] } : diagnostic);
  }
  return out;
}

function collectDocumentSuppressions(file: ManifestFile): Array<{ start: number; end: number; names: Set<string> | 'all' }> {
  const out: Array<{ start: number; end: number; names: Set<string> | 'all' }> = [];
  for (const doc of file.docs) {
    const text = file.text.slice(doc.start, doc.end);
    for (const match of text.matchAll(WHOLE_DOCUMENT)) out.push({ start: doc.start, end: doc.end, names: ruleNames(match[1]!) });
  }
  return out;
}

function suppressed(file: ManifestFile, diagnostic: Diagnostic, code: string, documents: Array<{ start: number; end: number; names: Set<string> | 'all' }>): boolean {
  const line = diagnostic.range.start.line;
  if (line > 0) {
    const previous = file.text.slice(file.lines.offsetAt({ line: line - 1, character: 0 }), file.lines.offsetAt({ line, character: 0 }));
    const match = NEXT_LINE.exec(previous);
    if (match && covers(ruleNames(match[1]!), code)) return true;
  }
  const offset = file.lines.offsetAt(diagnostic.range.start);
  return documents.some((d) => offset >= d.start && offset <= d.end && covers(d.names, code));
}
