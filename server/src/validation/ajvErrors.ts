import type { ErrorObject } from 'ajv';
import { formatPath, pointerToPath, type PathSegment } from '../documents/yamlPath';
import { closestMatches } from './suggest';

/** A schema violation explained for a person, with where in the document it belongs. */
export interface SchemaFinding {
  /** Path of the node the finding is reported on. */
  path: PathSegment[];
  /** Report on the key of that path's entry (unknown fields, missing fields) or on its value. */
  on: 'key' | 'value';
  code: string;
  message: string;
  /** Facts a quick fix needs (copied into the diagnostic's `data` with the full path). */
  data?: Record<string, unknown>;
}

/**
 * Turns ajv's raw errors (allErrors + verbose) into findings: one per problem, oneOf/anyOf
 * collapsed to the closest branch, never "must match exactly one schema".
 */
export function explainAjvErrors(errors: readonly ErrorObject[]): SchemaFinding[] {
  const kept = collapseAlternatives(errors);
  const findings: SchemaFinding[] = [];
  const seen = new Set<string>();
  for (const error of kept) {
    const finding = explain(error);
    if (!finding) continue;
    const key = `${finding.path.join('\u0000')}|${finding.on}|${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

const ALTERNATIVES = new Set(['oneOf', 'anyOf']);

// For every failed oneOf/anyOf, keep only the errors of its closest branch. "Closest" is the branch
// whose errors lie deepest in the data (it got furthest), then the one with the fewest errors.
// When every branch fails on the value's own type, report one type error listing all of them.
function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  let current = [...errors];
  // Innermost alternatives first, so that nested oneOfs collapse before their parents.
  const alternatives = current
    .filter((e) => ALTERNATIVES.has(e.keyword))
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const alt of alternatives) {
    if (!current.includes(alt)) continue;
    const prefix = `${alt.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of current) {
      if (e === alt || !e.schemaPath.startsWith(prefix) || !e.instancePath.startsWith(alt.instancePath)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      if (!branches.has(branch)) branches.set(branch, []);
      branches.get(branch)!.push(e);
    }
    const all = [...branches.values()].flat();
    const branchList = [...branches.values()];
    let replacement: ErrorObject[];
    const ownTypeFailures = branchList.filter((b) => b.length === 1 && b[0]!.keyword === 'type' && b[0]!.instancePath === alt.instancePath);
    if (branchList.length > 0 && ownTypeFailures.length === branchList.length) {
      const types = [...new Set(ownTypeFailures.map((b) => String(b[0]!.params.type)))];
      replacement = [{ ...ownTypeFailures[0]![0]!, params: { type: types.join(',') } }];
    } else if (branchList.length > 0) {
      // Branches that failed only on the value's own type are the wrong shape entirely; prefer the others.
      const shaped = branchList.filter((b) => !b.every((e) => (e.keyword === 'type' || e.keyword === 'enum' || e.keyword === 'const') && e.instancePath === alt.instancePath));
      const pool = shaped.length > 0 ? shaped : branchList;
      const depth = (b: ErrorObject[]) => Math.max(...b.map((e) => e.instancePath.length));
      pool.sort((a, b) => depth(b) - depth(a) || a.length - b.length);
      replacement = pool[0]!;
    } else {
      replacement = [alt];
    }
    current = current.filter((e) => e !== alt && !all.includes(e));
    current.push(...replacement);
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 60 ? value.slice(0, 57) + '…' : value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `integer ${value}` : `number ${value}`;
  return `${typeof value} ${String(value)}`;
}

function typeWords(types: string): string {
  const words = types.split(',').map((t) => (t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : t));
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words[0]!;
}

function where(path: PathSegment[]): string {
  return path.length ? formatPath(path) : 'document';
}

const FORMAT_WORDS: Record<string, string> = {
  int32: 'a 32-bit integer',
  int64: 'a 64-bit integer',
  'date-time': 'an RFC 3339 date-time (e.g. 2024-01-31T12:00:00Z)',
  byte: 'base64-encoded data',
  quantity: 'a quantity (e.g. 500m, 1.5, 128Mi, 1Gi)',
  duration: 'a duration (e.g. 30s, 1m30s)',
};

function explain(error: ErrorObject): SchemaFinding | undefined {
  const path = pointerToPath(error.instancePath);
  const at = where(path);
  const data = (error as ErrorObject & { data?: unknown }).data;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(error.params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const [best] = closestMatches(field, known);
      const hint = best ? `; did you mean "${best}"?` : '';
      // Quick fixes may offer a little more than the message dares to suggest (a swapped pair of letters).
      const candidates = closestMatches(field, known, 5, Math.max(2, Math.floor(field.length / 3)));
      return {
        path: [...path, field],
        on: 'key',
        code: 'unknown-field',
        message: `Unknown field "${field}" in ${at}${hint}`,
        data: { field, candidates },
      };
    }
    case 'unevaluatedProperties': {
      const field = String(error.params.unevaluatedProperty);
      return { path: [...path, field], on: 'key', code: 'unknown-field', message: `Unknown field "${field}" in ${at}` };
    }
    case 'required': {
      const field = String(error.params.missingProperty);
      return {
        path,
        on: 'key',
        code: 'missing-required-field',
        message: `${path.length ? `${at}: missing` : 'Missing'} required field "${field}"`,
        data: { field },
      };
    }
    case 'type':
      return { path, on: 'value', code: 'invalid-type', message: `${at}: expected ${typeWords(String(error.params.type))}, got ${describeValue(data)}` };
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      const [best] = typeof data === 'string' ? closestMatches(data, allowed.map(String)) : [];
      const hint = best ? ` Did you mean "${best}"?` : '';
      return {
        path,
        on: 'value',
        code: 'invalid-value',
        message: `${at}: ${describeValue(data)} is not allowed; expected one of: ${allowed.join(', ')}.${hint}`,
      };
    }
    case 'const':
      return { path, on: 'value', code: 'invalid-value', message: `${at}: must be ${JSON.stringify(error.params.allowedValue)}` };
    case 'format': {
      const format = String(error.params.format);
      return { path, on: 'value', code: 'invalid-format', message: `${at}: ${describeValue(data)} is not ${FORMAT_WORDS[format] ?? `in format "${format}"`}` };
    }
    case 'pattern':
      return { path, on: 'value', code: 'invalid-value', message: `${at}: ${describeValue(data)} does not match the pattern ${error.params.pattern}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, on: 'value', code: 'invalid-value', message: `${at}: ${describeValue(data)} must be ${error.params.comparison} ${error.params.limit}` };
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties': {
      const what = error.keyword.endsWith('Length') ? 'characters' : error.keyword.endsWith('Items') ? 'items' : 'entries';
      const bound = error.keyword.startsWith('min') ? 'at least' : 'at most';
      return { path, on: 'value', code: 'invalid-value', message: `${at}: must have ${bound} ${error.params.limit} ${what}` };
    }
    case 'uniqueItems':
      return { path, on: 'value', code: 'duplicate-item', message: `${at}: items must be unique (items ${error.params.j} and ${error.params.i} are the same)` };
    case 'if':
    case 'not':
    case 'false schema':
      return error.keyword === 'false schema' ? { path, on: 'key', code: 'unknown-field', message: `${at} is not allowed here` } : undefined;
    case 'oneOf':
    case 'anyOf':
      return { path, on: 'value', code: 'invalid-value', message: `${at}: ${describeValue(data)} does not match any allowed form` };
    default:
      return { path, on: 'value', code: 'schema', message: `${at}: ${error.message ?? 'invalid value'}` };
  }
}
