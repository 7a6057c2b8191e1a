import { parseManifestFile, type ManifestFile } from '../../../server/src/documents/manifestFile';
import { validateComposeDocument } from '../../../server/src/validation/compose/composeValidation';

/** A diagnostic reduced to what the tests assert: range as [startLine, startChar, endLine, endChar]. */
export interface ComposeFound {
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: [number, number, number, number];
  /** The exact source text the range covers. */
  text: string;
}

const SEVERITIES = ['', 'error', 'warning', 'information', 'hint'] as const;

/** Lines joined with "\n": fixtures keep exact columns without template-literal indentation games. */
export function lines(...rows: string[]): string {
  return rows.join('\n') + '\n';
}

export function parseCompose(text: string, uri = 'file:///project/compose.yaml'): ManifestFile {
  return parseManifestFile(uri, text);
}

/** YAML findings plus the Compose validation of every Compose document, as the server reports them. */
export function checkCompose(text: string, uri = 'file:///project/compose.yaml'): ComposeFound[] {
  const file = parseCompose(text, uri);
  const diagnostics = [...file.diagnostics];
  for (const doc of file.docs) {
    if (doc.flavor === 'compose') diagnostics.push(...validateComposeDocument(file, doc));
  }
  return diagnostics.map((d) => {
    const start = file.lines.offsetAt(d.range.start);
    const end = file.lines.offsetAt(d.range.end);
    return {
      code: String(d.code),
      severity: SEVERITIES[d.severity ?? 1] || 'error',
      message: typeof d.message === 'string' ? d.message : d.message.value,
      range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
      text: file.text.slice(start, end),
    };
  });
}

/** Only the error-severity findings. */
export function composeErrors(text: string, uri?: string): ComposeFound[] {
  return checkCompose(text, uri).filter((f) => f.severity === 'error');
}
