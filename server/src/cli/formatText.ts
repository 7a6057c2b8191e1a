import { countBySeverity, type Finding } from './finding';

function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, ' ');
}

/**
 * `path:line:col: severity code message`, 1-based as compilers print it (editors and CI problem
 * matchers link it); related locations follow, indented, so they do not match that pattern.
 */
export function formatText(findings: readonly Finding[]): string {
  const lines: string[] = [];
  for (const f of findings) {
    const { line, character } = f.range.start;
    lines.push(`${f.file}:${line + 1}:${character + 1}: ${f.severity} ${f.code} ${oneLine(f.message)}`);
    for (const r of f.related) {
      lines.push(`    ${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: related: ${oneLine(r.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The stderr summary: "3 errors, 1 warning in 2 files (5 checked)". */
export function formatSummary(findings: readonly Finding[], filesChecked: number): string {
  if (filesChecked === 0) return 'No YAML files found to check.\n';
  if (findings.length === 0) return `No problems found in ${plural(filesChecked, 'file')}.\n`;
  const counts = countBySeverity(findings);
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  const notes = counts.information + counts.hint;
  if (notes > 0) parts.push(plural(notes, 'note'));
  const filesWithFindings = new Set(findings.map((f) => f.file)).size;
  return `${parts.join(', ')} in ${plural(filesWithFindings, 'file')} (${filesChecked} checked).\n`;
}
