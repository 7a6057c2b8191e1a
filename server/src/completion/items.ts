import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type MarkupContent, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { CursorContext } from './context';

/** What every item of one request shares: where it goes and how it may be written. */
export interface ItemEnv {
  ctx: CursorContext;
  /** The range of the word being typed (every item replaces it). */
  range: Range;
  /** The client takes snippets (tab stops, choices); otherwise snippets are flattened to plain text. */
  snippets: boolean;
}

/** The shape of a field's value, which decides what a key inserts after its colon. */
export type Shape = 'scalar' | 'object' | 'list';

/** Ranks in sortText: required fields first, then everyday ones, the rest, deprecated ones last. */
export const RANK = { required: 0, common: 1, normal: 2, rare: 3 } as const;

export function sortText(rank: number, label: string): string {
  return `${rank}_${label}`;
}

/** Escapes literal text for a snippet. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Plain text of a snippet: placeholders become their default, choices their first option. */
export function flattenSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

export function markdown(value: string | undefined): MarkupContent | undefined {
  return value ? { kind: 'markdown', value } : undefined;
}

export interface ItemFields {
  kind: CompletionItemKind;
  detail?: string;
  documentation?: string;
  rank?: number;
  filterText?: string;
  /** `newText` is a snippet (tab stops, choices). */
  snippet?: boolean;
  additionalTextEdits?: TextEdit[];
  preselect?: boolean;
}

/** A completion item replacing the typed word with `newText`. */
export function makeItem(env: ItemEnv, label: string, newText: string, fields: ItemFields): CompletionItem {
  const snippet = fields.snippet === true && env.snippets;
  const text = (env.ctx.spaceBefore ? ' ' : '') + (fields.snippet && !env.snippets ? flattenSnippet(newText) : newText);
  const item: CompletionItem = {
    label,
    kind: fields.kind,
    sortText: sortText(fields.rank ?? RANK.normal, label),
    textEdit: { range: env.range, newText: text },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Our text carries its own indentation: the client must not add the line's again.
    insertTextMode: InsertTextMode.asIs,
  };
  if (fields.detail) item.detail = fields.detail;
  const documentation = markdown(fields.documentation);
  if (documentation) item.documentation = documentation;
  if (fields.filterText) item.filterText = fields.filterText;
  if (fields.additionalTextEdits?.length) item.additionalTextEdits = fields.additionalTextEdits;
  if (fields.preselect) item.preselect = true;
  return item;
}

// Plain scalars that YAML would read as something other than the string.
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|\d+(?::[0-5]?\d)+)$/;

/** A string written so YAML reads it back as that string (quoted when plain would not do). */
export function yamlString(value: string): string {
  if (value === '' || NOT_A_STRING.test(value) || /^[\s\-?:,[\]{}#&*!|>'"%@`]|[\s]$|: | #|[\n\r\t]/.test(value)) return JSON.stringify(value);
  return value;
}

/** A key written so YAML reads it back as that key. */
export function yamlKey(key: string): string {
  return /^[\w./-]+$/.test(key) && !NOT_A_STRING.test(key) && !/^[-]/.test(key) ? key : JSON.stringify(key);
}

/** A scalar value as YAML text: numbers and booleans plain, strings quoted when needed. */
export function yamlScalar(value: unknown): string {
  if (typeof value === 'string') return yamlString(value);
  return String(value);
}

/**
 * What a key inserts: `key: ` for scalars, `key:` and an indented new line for mappings,
 * `key:` and an indented `- ` for lists (braces and brackets inside flow collections); `choices`
 * become a snippet choice. With `dash`, the key starts a new list item.
 */
export function keyInsertion(ctx: CursorContext, key: string, shape: Shape, options: { choices?: string[]; dash?: boolean } = {}): string {
  const name = snippetText(yamlKey(key));
  const dash = options.dash ? '- ' : '';
  if (ctx.colonFollows) return dash + name;
  const value = options.choices?.length ? `\${1|${options.choices.map((c) => c.replace(/[,|\\]/g, '\\$&')).join(',')}|}` : '$0';
  if (ctx.flow) {
    if (shape === 'object') return `${dash}${name}: {$0}`;
    if (shape === 'list') return `${dash}${name}: [$0]`;
    return `${dash}${name}: ${value}`;
  }
  const inner = ' '.repeat(ctx.column + dash.length + ctx.tab);
  if (shape === 'object') return `${dash}${name}:\n${inner}$0`;
  if (shape === 'list') return `${dash}${name}:\n${inner}- $0`;
  return `${dash}${name}: ${value}`;
}

/** Removes items with the same label and text, keeping the first (better-ranked sources come first). */
export function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.label}\u0000${item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export { CompletionItemKind };
