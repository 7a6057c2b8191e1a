import { isRecord } from '../../documents/plainValues';
import { findInterpolationProblems } from '../../validation/compose/interpolation';

/**
 * Step 1 of loading a Compose project (§8.1): `${VAR}` interpolation of every string value with
 * a known environment, with Compose's outcomes: a load error for `${VAR:?msg}` / `${VAR?msg}`
 * and for bad syntax, a warning (once per variable) for unset variables without a default.
 * Defaults are only evaluated when used, so a variable inside an unused default is not reported.
 */

export interface InterpolationResult {
  value: Record<string, unknown>;
  errors: string[];
  warnings: string[];
}

type Env = Readonly<Record<string, string>>;

interface Cursor {
  text: string;
  pos: number;
  env: Env;
  missing: Set<string>;
  /** The first `?` failure: `required variable X is missing a value: msg`. */
  required?: string;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const OPERATORS = [':-', ':?', ':+', '-', '?', '+'] as const;

function lookup(env: Env, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
}

// The text up to the end, or (inside braces) up to the `}` closing the expression. `active`
// false while skipping an unused default: nothing is looked up or reported.
function word(c: Cursor, inBraces: boolean, active: boolean): string {
  let out = '';
  let depth = 0;
  while (c.pos < c.text.length) {
    const ch = c.text[c.pos]!;
    const next = c.text[c.pos + 1];
    if (ch === '$' && next === '$') {
      out += '$';
      c.pos += 2;
    } else if (ch === '$' && next === '{') {
      out += braced(c, active);
    } else if (ch === '$' && next !== undefined && NAME_START.test(next)) {
      const start = ++c.pos;
      while (c.pos < c.text.length && NAME_CHAR.test(c.text[c.pos]!)) c.pos++;
      out += variable(c, c.text.slice(start, c.pos), active);
    } else {
      if (inBraces && ch === '{') depth++;
      if (inBraces && ch === '}') {
        if (depth === 0) return out;
        depth--;
      }
      out += ch;
      c.pos++;
    }
  }
  return out;
}

function variable(c: Cursor, name: string, active: boolean): string {
  const value = active ? lookup(c.env, name) : '';
  if (value === undefined) c.missing.add(name);
  return value ?? '';
}

// At `${`: syntax was checked beforehand, so a name and `}` or an operator follow.
function braced(c: Cursor, active: boolean): string {
  c.pos += 2;
  const start = c.pos;
  while (c.pos < c.text.length && NAME_CHAR.test(c.text[c.pos]!)) c.pos++;
  const name = c.text.slice(start, c.pos);
  if (c.text[c.pos] === '}') {
    c.pos++;
    return variable(c, name, active);
  }
  const operator = OPERATORS.find((op) => c.text.startsWith(op, c.pos))!;
  c.pos += operator.length;
  const value = active ? lookup(c.env, name) : '';
  const unset = value === undefined;
  const empty = unset || value === '';
  const use = operator === ':-' ? empty : operator === '-' ? unset : operator === ':+' ? !empty : operator === '+' ? !unset : operator === ':?' ? empty : unset;
  const alternative = word(c, true, active && use);
  c.pos++; // the closing `}`
  if (!active) return '';
  switch (operator) {
    case ':-':
    case '-':
      return use ? alternative : value!;
    case ':+':
    case '+':
      return use ? alternative : '';
    default:
      if (use && !c.required) c.required = `required variable ${name} is missing a value${alternative ? `: ${alternative}` : ''}`;
      return use ? '' : value!;
  }
}

function pathText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Interpolates every string of a project (keys are left alone, as Compose does). */
export function interpolateProject(project: Record<string, unknown>, env: Env = {}): InterpolationResult {
  const errors: string[] = [];
  const missing = new Set<string>();
  const walk = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === 'string') {
      if (!node.includes('$')) return node;
      const problem = findInterpolationProblems(node)[0];
      if (problem) {
        errors.push(`${pathText(path)}: ${problem.message}`);
        return node;
      }
      const cursor: Cursor = { text: node, pos: 0, env, missing };
      const value = word(cursor, false, true);
      if (cursor.required) errors.push(`error while interpolating ${pathText(path)}: ${cursor.required}`);
      return value;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (isRecord(node)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) {
        Object.defineProperty(out, key, { value: walk(item, [...path, key]), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return node;
  };
  const value = walk(project, []) as Record<string, unknown>;
  const warnings = [...missing].map((name) => `The "${name}" variable is not set. Defaulting to a blank string.`);
  return { value, errors, warnings };
}
