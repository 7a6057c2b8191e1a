/** What a hover says about one field, in the order it is shown. */
export interface FieldHover {
  /** The field path as kubectl writes it (`spec.template.spec.containers[0].image`). */
  path: string;
  /** `integer (int32)`, `string or integer`, `quantity`, `array of Container`… */
  type?: string;
  /** Undefined where it does not apply (list items, map entries, the document root). */
  required?: boolean;
  default?: unknown;
  enum?: readonly unknown[];
  deprecated?: boolean;
  /** Version availability and lifecycle lines. */
  versions?: readonly string[];
  /** Sections about what the value points at (selected pods, the referenced object), shown after the header. */
  sections?: readonly string[];
  description?: string;
  link?: { title: string; url: string };
}

const MAX_ENUM = 40;

/** A value as inline code (JSON for non-strings), safe inside backticks. */
export function code(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${text}${fence.length > 1 ? ' ' : ''}${fence}`;
}

/**
 * Upstream descriptions are plain text with some Markdown code: keep `<quantity>` and the like
 * from being read as HTML outside code, where a backslash would show.
 */
export function escapeText(text: string): string {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '\\<')))
    .join('')
    .trim();
}

/** A Markdown link whose label is plain text. */
export function link(label: string, url: string): string {
  return `[${label.replace(/[[\]\\]/g, (c) => `\\${c}`)}](${url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

// Go zero values that generators write as defaults say nothing a reader needs.
function meaningfulDefault(value: unknown): boolean {
  if (value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

export function renderFieldHover(h: FieldHover): string {
  const blocks: string[] = [];
  blocks.push(h.type ? `${code(h.path)}: ${code(h.type)}` : code(h.path));
  blocks.push(...(h.sections ?? []));
  const facts: string[] = [];
  const status: string[] = [];
  if (h.required !== undefined) status.push(h.required ? '**Required**' : 'Optional');
  if (h.deprecated) status.push('**Deprecated**');
  if (!h.required && meaningfulDefault(h.default)) status.push(`default ${code(h.default)}`);
  if (status.length) facts.push(status.join(' · '));
  if (h.enum?.length) {
    const shown = h.enum.slice(0, MAX_ENUM).map(code).join(', ');
    facts.push(`Allowed values: ${shown}${h.enum.length > MAX_ENUM ? `, … (${h.enum.length} in all)` : ''}`);
  }
  facts.push(...(h.versions ?? []));
  if (facts.length) blocks.push(facts.join('  \n'));
  if (h.description?.trim()) blocks.push(escapeText(h.description));
  if (h.link) blocks.push(link(h.link.title, h.link.url));
  return blocks.join('\n\n');
}
