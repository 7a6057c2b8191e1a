import { parseAllDocuments, isMap, isScalar, type Document, type Tags } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LineIndex } from './lineIndex';
import { makeDiagnostic } from './diagnostic';
import { detectFileFlavor, detectDocumentFlavor, type DocumentFlavor, type FileFlavor } from './detect';
import { LIMITS } from './limits';

/** One `---` document of a YAML file. */
export interface ManifestDoc {
  index: number;
  yaml: Document.Parsed;
  /** Plain JS value of the document; undefined when the document could not be converted (see diagnostics). */
  value: unknown;
  flavor: DocumentFlavor;
  /** Offsets of the document in the file text. */
  start: number;
  end: number;
}

/** A YAML file parsed once per version: its documents, what they are, and YAML-level findings. */
export interface ManifestFile {
  uri: string;
  text: string;
  lines: LineIndex;
  flavor: FileFlavor;
  /** Go templates (Helm charts) are not YAML until rendered: such files get no schema diagnostics. */
  templated: boolean;
  docs: ManifestDoc[];
  /** Syntax, duplicate-key and resource-limit findings. */
  diagnostics: Diagnostic[];
}

// Compose's merge tags: `!reset` drops an inherited value, `!override` replaces it whole.
// For validation both stand for the value they carry (`!reset` on a scalar for null).
const COMPOSE_TAGS: Tags = [
  { tag: '!reset', resolve: () => null },
  { tag: '!reset', collection: 'map', resolve: (v: unknown) => v } as never,
  { tag: '!reset', collection: 'seq', resolve: (v: unknown) => v } as never,
  { tag: '!override', resolve: (s: string) => s },
  { tag: '!override', collection: 'map', resolve: (v: unknown) => v } as never,
  { tag: '!override', collection: 'seq', resolve: (v: unknown) => v } as never,
];

const TEMPLATE_PATTERN = /\{\{[\s\S]*?\}\}/;

export function parseManifestFile(uri: string, text: string): ManifestFile {
  const lines = new LineIndex(text);
  const file: ManifestFile = { uri, text, lines, flavor: 'none', templated: false, docs: [], diagnostics: [] };
  if (text.length > LIMITS.maxFileChars) {
    file.diagnostics.push(
      makeDiagnostic(lines, 0, 0, 'information', 'file-too-large',
        `File not validated: ${(text.length / 1e6).toFixed(1)} MB is over the ${LIMITS.maxFileChars / 1e6} MB limit for validation.`),
    );
    return file;
  }
  if (text.includes('\u0000')) {
    file.diagnostics.push(makeDiagnostic(lines, 0, 0, 'information', 'binary-file', 'File not validated: it contains NUL bytes and looks binary.'));
    return file;
  }
  file.templated = TEMPLATE_PATTERN.test(text);
  const parsed = parseAllDocuments(text, {
    merge: true,
    customTags: COMPOSE_TAGS,
    uniqueKeys: true,
    prettyErrors: false,
    strict: false,
  });
  const yamlDocs = Array.isArray(parsed) ? parsed : [];
  yamlDocs.forEach((yamlDoc, index) => {
    const [start, , end] = yamlDoc.range;
    for (const error of yamlDoc.errors) {
      const duplicate = error.code === 'DUPLICATE_KEY';
      const [s, e] = duplicate ? keySpan(text, error.pos[0]) : error.pos;
      file.diagnostics.push(
        makeDiagnostic(lines, s, e, 'error', duplicate ? 'duplicate-key' : 'yaml-syntax', cleanYamlMessage(error.message)),
      );
    }
    const value = toPlainValue(yamlDoc, lines, file.diagnostics);
    file.docs.push({ index, yaml: yamlDoc, value, flavor: 'other', start, end });
  });
  file.flavor = detectFileFlavor(uri, file.docs.map((d) => d.value));
  for (const doc of file.docs) doc.flavor = detectDocumentFlavor(file.flavor, doc.value);
  if (file.templated) file.diagnostics = [];
  return file;
}

// The `yaml` library guards aliases (maxAliasCount) and may overflow the stack on absurd nesting:
// both become one diagnostic on the document instead of a crash.
function toPlainValue(yamlDoc: Document.Parsed, lines: LineIndex, out: Diagnostic[]): unknown {
  if (yamlDoc.contents === null) return null;
  if (yamlDoc.errors.length > 0 && !isMap(yamlDoc.contents) && !isScalar(yamlDoc.contents)) {
    // still try: partial documents are validated where they parse
  }
  try {
    return yamlDoc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch (error) {
    const [start, end] = yamlDoc.contents.range ?? yamlDoc.range;
    const message =
      error instanceof RangeError
        ? `Document not validated: nesting is too deep to process.`
        : /alias/i.test(String((error as Error).message))
          ? `Document not validated: its aliases expand too far (over ${LIMITS.maxAliasCount} alias uses; a "billion laughs" pattern?).`
          : `Document not validated: ${(error as Error).message}`;
    out.push(makeDiagnostic(lines, start, Math.min(end, start + 1), 'error', 'resource-limit', message));
    return undefined;
  }
}

function cleanYamlMessage(message: string): string {
  // The parser appends " at line N, column M" and a code frame; the range already says where.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

// The parser marks a duplicate key by its first character; cover the whole key.
function keySpan(text: string, start: number): [number, number] {
  const match = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:\n]*?)\s*:(\s|$)/.exec(text.slice(start, start + 1024));
  return match ? [start, start + match[1]!.length] : [start, start + 1];
}
