import { isScalar, visit } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ManifestDoc, ManifestFile } from '../../documents/manifestFile';
import { makeDiagnostic } from '../../documents/diagnostic';
import type { PathSegment } from '../../documents/yamlPath';
import { scalarIndexOffsets } from './scalarOffsets';

/**
 * Compose variable interpolation, as compose-go's template package does it: `$VAR`, `${VAR}`,
 * `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`,
 * `$$` for a literal `$`, nesting inside the word after the operator. A `$` not followed by a
 * name or `{` stays literal; anything else after `${` is an error.
 */

/** Variables known to be set. Without an environment every variable counts as unset. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** An invalid `${…}` expression; start/end are indices into the string value, end exclusive. */
export interface InterpolationProblem {
  start: number;
  end: number;
  message: string;
}

export interface InterpolatedString {
  value: string;
  /** True when the value depends on a variable that is unset and has no default: we can't know it. */
  unresolved: boolean;
  problems: InterpolationProblem[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const OPERATORS = [':-', ':?', ':+', '-', '?', '+'] as const;
type Operator = (typeof OPERATORS)[number];
const HINT = 'write "$$" for a literal "$"';

interface Cursor {
  text: string;
  pos: number;
  env: Environment;
  problems: InterpolationProblem[];
}

interface Piece {
  value: string;
  unresolved: boolean;
}

/** Interpolates one string value (defaults applied, unset variables without default → ""). */
export function interpolateString(text: string, env: Environment = {}): InterpolatedString {
  const cursor: Cursor = { text, pos: 0, env, problems: [] };
  const word = parseWord(cursor, false);
  const invalid = cursor.problems.length > 0;
  return { value: word.value, unresolved: word.unresolved || invalid, problems: cursor.problems };
}

/** The invalid `${…}` expressions of a string, with their index ranges. */
export function findInterpolationProblems(text: string): InterpolationProblem[] {
  return text.includes('$') ? interpolateString(text).problems : [];
}

/**
 * `invalid-interpolation` errors for every string value of a Compose document, on the exact
 * characters where the scalar's source maps one-to-one, else on the whole scalar. Keys are
 * not interpolated by Compose and are skipped; an aliased value is reported once, at its anchor.
 */
export function interpolationDiagnostics(file: ManifestFile, doc: ManifestDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!doc.yaml.contents) return out;
  visit(doc.yaml, {
    Scalar(key, node) {
      if (key === 'key' || !isScalar(node) || typeof node.value !== 'string' || !node.range) return;
      const problems = findInterpolationProblems(node.value);
      if (problems.length === 0) return;
      const offsets = scalarIndexOffsets(file.text, node);
      for (const problem of problems) {
        const start = offsets ? offsets[problem.start]! : node.range[0];
        const end = offsets ? offsets[problem.end]! : node.range[1];
        out.push(makeDiagnostic(file.lines, start, end, 'error', 'invalid-interpolation', problem.message));
      }
    },
  });
  return out;
}

export interface InterpolatedValue {
  value: unknown;
  /** Paths of strings whose value could not be known (unset variable without default, invalid syntax). */
  unresolved: PathSegment[][];
}

/** Interpolates every string of a plain JS value (map keys are left alone, as in Compose). */
export function interpolate(value: unknown, env: Environment = {}): InterpolatedValue {
  const unresolved: PathSegment[][] = [];
  const walk = (node: unknown, path: PathSegment[]): unknown => {
    if (typeof node === 'string') {
      if (!node.includes('$')) return node;
      const result = interpolateString(node, env);
      if (result.unresolved) unresolved.push(path);
      return result.value;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) {
        // defineProperty: a "__proto__" key must stay a key, not replace the prototype
        Object.defineProperty(out, key, { value: walk(item, [...path, key]), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return node;
  };
  return { value: walk(value, []), unresolved };
}

// Reads text up to the end, or (inside braces) up to the `}` that closes the expression.
// Plain `{…}` pairs inside a default are kept balanced, as compose-go counts them.
function parseWord(c: Cursor, inBraces: boolean): Piece {
  let value = '';
  let unresolved = false;
  let depth = 0;
  while (c.pos < c.text.length) {
    const ch = c.text[c.pos]!;
    if (ch === '$') {
      const next = c.text[c.pos + 1];
      if (next === '$') {
        value += '$';
        c.pos += 2;
      } else if (next === '{') {
        const piece = parseBraced(c);
        value += piece.value;
        unresolved ||= piece.unresolved;
      } else if (next !== undefined && NAME_START.test(next)) {
        const start = ++c.pos;
        while (c.pos < c.text.length && NAME_CHAR.test(c.text[c.pos]!)) c.pos++;
        const piece = lookup(c.env, c.text.slice(start, c.pos));
        value += piece.value;
        unresolved ||= piece.unresolved;
      } else {
        value += '$';
        c.pos++;
      }
      continue;
    }
    if (inBraces && ch === '{') depth++;
    if (inBraces && ch === '}') {
      if (depth === 0) break;
      depth--;
    }
    value += ch;
    c.pos++;
  }
  return { value, unresolved };
}

function lookupRaw(env: Environment, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
}

function lookup(env: Environment, name: string): Piece {
  const value = lookupRaw(env, name);
  return value === undefined ? { value: '', unresolved: true } : { value, unresolved: false };
}

// At `${`: a name, then `}` or an operator and a word, then `}`.
function parseBraced(c: Cursor): Piece {
  const start = c.pos;
  c.pos += 2;
  const nameStart = c.pos;
  if (c.pos < c.text.length && NAME_START.test(c.text[c.pos]!)) {
    while (c.pos < c.text.length && NAME_CHAR.test(c.text[c.pos]!)) c.pos++;
  }
  const name = c.text.slice(nameStart, c.pos);
  if (c.pos >= c.text.length) return fail(c, start, unclosedMessage(c.text, start));
  if (c.text[c.pos] === '}' && name) {
    c.pos++;
    return lookup(c.env, name);
  }
  const operator = name ? OPERATORS.find((op) => c.text.startsWith(op, c.pos)) : undefined;
  if (!operator && closingIndex(c.text, start) === undefined) return fail(c, start, unclosedMessage(c.text, start));
  if (!operator) return fail(c, start, invalidMessage(c.text, start, name, c.pos));
  c.pos += operator.length;
  const before = c.problems.length;
  const word = parseWord(c, true);
  if (c.pos >= c.text.length) {
    // An unclosed nested expression already reported the same missing "}".
    if (c.problems.length > before && c.problems.at(-1)!.end === c.text.length) return { value: '', unresolved: true };
    return fail(c, start, unclosedMessage(c.text, start));
  }
  c.pos++;
  return apply(operator, lookupRaw(c.env, name), word);
}

function apply(operator: Operator, value: string | undefined, word: Piece): Piece {
  const empty = value === undefined || value === '';
  switch (operator) {
    case ':-':
      return empty ? word : { value: value!, unresolved: false };
    case '-':
      return value === undefined ? word : { value, unresolved: false };
    case ':?':
      // Compose stops with the word as error message: we can't know the value.
      return empty ? { value: '', unresolved: true } : { value: value!, unresolved: false };
    case '?':
      return value === undefined ? { value: '', unresolved: true } : { value, unresolved: false };
    case ':+':
      return value === undefined ? { value: '', unresolved: true } : empty ? { value: '', unresolved: false } : word;
    case '+':
      return value === undefined ? { value: '', unresolved: true } : word;
  }
}

function invalidMessage(text: string, start: number, name: string, at: number): string {
  const expression = shorten(text.slice(start, closingIndex(text, start) ?? text.length));
  const next = text[at]!;
  if (!name) {
    if (next === '}') return `Invalid interpolation "${expression}": the variable name is empty; ${HINT}`;
    return `Invalid interpolation "${expression}": a variable name must start with a letter or "_"; ${HINT}`;
  }
  if (/[:=/#%^,@!*]/.test(next)) {
    const op = next === ':' ? text.slice(at, at + 2) : next;
    return `Invalid interpolation "${expression}": "${op}" is not a Compose operator (use :-, -, :?, ?, :+ or +); ${HINT}`;
  }
  return `Invalid interpolation "${expression}": unexpected ${JSON.stringify(next)} after the variable name "${name}"; ${HINT}`;
}

function unclosedMessage(text: string, start: number): string {
  return `Invalid interpolation "${shorten(text.slice(start))}": missing the closing "}"; ${HINT}`;
}

// Messages are one line: show line breaks as \n and cut long tails.
function shorten(expression: string): string {
  const oneLine = expression.replace(/\r?\n/g, '\\n');
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}

// Index just after the `}` matching the `${` at start, counting plain braces too; undefined if unclosed.
function closingIndex(text: string, start: number): number | undefined {
  let depth = 0;
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return undefined;
}

// Records the problem for the whole `${…}` expression and resumes after it.
function fail(c: Cursor, start: number, message: string): Piece {
  const end = closingIndex(c.text, start) ?? c.text.length;
  c.problems.push({ start, end, message });
  c.pos = end;
  return { value: '', unresolved: true };
}
