import { Scalar, stringify } from 'yaml';

/** Source text copied as written (a scalar with its quotes and style), so a rewrite keeps the user's spelling. */
export class Raw {
  constructor(readonly text: string) {}
}

/** A value to write into a file: plain data, with `Raw` for pieces taken from the file itself. */
export type YamlOut = Raw | string | number | boolean | null | YamlOut[] | { [key: string]: YamlOut };

const INDENT = '  ';

function isList(value: YamlOut): value is YamlOut[] {
  return Array.isArray(value);
}

function isMapping(value: YamlOut): value is { [key: string]: YamlOut } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Raw);
}

function isEmptyCollection(value: YamlOut): boolean {
  return (isList(value) && value.length === 0) || (isMapping(value) && Object.keys(value).length === 0);
}

/** A scalar as YAML writes it: quoted only when it would otherwise read as something else. */
export function scalarText(value: string | number | boolean | null): string {
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

/** A new string for an existing scalar, in that scalar's quoting style: a quoted key stays quoted. */
export function restyled(scalar: Scalar, value: string): string {
  if (scalar.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (scalar.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return scalarText(value);
}

/** A value on one line, in flow style (`{a: 1}`, `[x, y]`). */
export function flowText(value: YamlOut): string {
  if (value instanceof Raw) return value.text;
  if (isList(value)) return `[${value.map(flowText).join(', ')}]`;
  if (isMapping(value)) return `{${Object.entries(value).map(([k, v]) => `${scalarText(k)}: ${flowText(v)}`).join(', ')}}`;
  return scalarText(value);
}

/**
 * A value in block style, written where the cursor already stands at column `indent.length`:
 * its first line has no indentation, the following ones start with `indent`.
 */
export function blockText(value: YamlOut, indent: string, nl: string): string {
  if (isMapping(value) && !isEmptyCollection(value)) {
    return Object.entries(value).map(([k, v]) => pairText(k, v, indent, nl)).join(nl + indent);
  }
  if (isList(value) && value.length > 0) {
    return value.map((item) => `- ${blockText(item, indent + INDENT, nl)}`).join(nl + indent);
  }
  return flowText(value);
}

/** `key: value` at column `indent.length`; nested collections go on the following lines, two spaces deeper. */
export function pairText(key: string, value: YamlOut, indent: string, nl: string): string {
  return `${scalarText(key)}:${afterColonText(value, indent, nl)}`;
}

/** What follows a key's `:` — ` value` on the line, or a block on the next lines one level deeper than `indent`. */
export function afterColonText(value: YamlOut, indent: string, nl: string): string {
  if ((isMapping(value) || isList(value)) && !isEmptyCollection(value)) {
    const inner = indent + INDENT;
    return `${nl}${inner}${blockText(value, inner, nl)}`;
  }
  return ` ${flowText(value)}`;
}
