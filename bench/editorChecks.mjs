// Is an answer of the editor benchmark real? A fast empty answer would make any latency look good.
import { normalizeWords } from './editorPositions.mjs';

/** The labels of a completion answer (a CompletionList or a bare array). */
export function completionLabels(result) {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((item) => item.label);
}

/**
 * Undefined when the completion answer offers what the position needs, else what is wrong.
 * `values: false` skips the value positions' enum check (the peer's v1.30.10 OpenAPI v2 schemas
 * carry no enum for `imagePullPolicy` or `protocol`, so it has nothing to offer there).
 */
export function checkCompletion(result, at, { values = true } = {}) {
  const labels = completionLabels(result);
  if (at.kind !== 'partialKey' && !values) return undefined;
  if (labels.length === 0) return 'no completion items';
  const missing = at.expected.filter((label) => !labels.includes(label));
  if (missing.length) return `missing ${missing.join(', ')} among ${labels.length} items (${labels.slice(0, 6).join(', ')}…)`;
  return undefined;
}

function hoverText(contents) {
  if (typeof contents === 'string') return { markdown: true, text: contents }; // MarkedString: markdown
  if (Array.isArray(contents)) {
    const parts = contents.map(hoverText);
    return { markdown: parts.every((p) => p.markdown), text: parts.map((p) => p.text).join('\n') };
  }
  if (contents && typeof contents.value === 'string') return { markdown: contents.kind !== 'plaintext', text: contents.value };
  return { markdown: false, text: '' };
}

/** Undefined when the hover answer is markdown showing the field's description, else what is wrong. */
export function checkHover(result, at) {
  if (!result) return 'no hover';
  const { markdown, text } = hoverText(result.contents);
  if (!markdown) return 'hover is not markdown';
  if (!normalizeWords(text).includes(at.description)) return `hover does not show the description ("${at.description}…"): ${JSON.stringify(text.slice(0, 120))}`;
  return undefined;
}
