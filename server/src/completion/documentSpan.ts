import { parseDocument } from 'yaml';
import { LIMITS } from '../documents/limits';

/** The `---` document around an offset: only this part of the file is read for completion. */
export interface DocumentSpan {
  /** First offset after the `---` line (0 for the first document). */
  start: number;
  /** Offset of the next `---` line, or the end of the text. */
  end: number;
}

function isMarker(text: string, at: number): boolean {
  if (!text.startsWith('---', at)) return false;
  const next = text[at + 3];
  return next === undefined || next === ' ' || next === '\t' || next === '\r' || next === '\n';
}

/**
 * The document holding `offset`, found by looking for `---` lines next to it (as the file's
 * chunker splits), so the cost is the size of this document, never that of the file. Undefined
 * when the cursor is on a `---` line itself.
 */
export function documentSpan(text: string, offset: number): DocumentSpan | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (isMarker(text, lineStart)) return undefined;
  let start = 0;
  for (let q = lineStart >= 2 ? text.lastIndexOf('\n---', lineStart - 2) : -1; q >= 0; q = q > 0 ? text.lastIndexOf('\n---', q - 1) : -1) {
    if (isMarker(text, q + 1)) {
      const eol = text.indexOf('\n', q + 1);
      start = eol < 0 ? text.length : eol + 1;
      break;
    }
  }
  if (start === 0 && lineStart > 0 && isMarker(text, 0)) {
    const eol = text.indexOf('\n');
    start = eol < 0 ? text.length : eol + 1;
  }
  let end = text.length;
  for (let q = text.indexOf('\n---', offset); q >= 0; q = text.indexOf('\n---', q + 1)) {
    if (isMarker(text, q + 1)) {
      end = q + 1;
      break;
    }
  }
  return { start, end };
}

/**
 * The plain value of one document's text, tolerant of errors (the `yaml` parser recovers from
 * most half-typed lines); undefined when nothing usable comes out.
 */
export function documentValue(text: string): unknown {
  if (text.length > LIMITS.maxFileChars) return undefined;
  try {
    const doc = parseDocument(text, { strict: false, uniqueKeys: false, prettyErrors: false, merge: true, logLevel: 'error' });
    return doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch {
    return undefined;
  }
}
