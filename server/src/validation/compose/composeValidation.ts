import { isMap, isNode, isScalar, isSeq, type Node } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ManifestDoc, ManifestFile } from '../../documents/manifestFile';
import { makeDiagnostic, type Severity } from '../../documents/diagnostic';
import { findPair, nodeRange, type PathSegment } from '../../documents/yamlPath';
import { LIMITS } from '../../documents/limits';
import { getComposeValidator } from '../../schema/composeSchema';
import type { ValidatorCache } from '../../schema/validatorCache';
import { explainAjvErrors, type SchemaFinding } from '../ajvErrors';
import { findingToDiagnostic } from '../findingRanges';
import { interpolate, interpolationDiagnostics } from './interpolation';
import { checkComposeValues, pathKey } from './composeValues';
import { isRecord } from '../../documents/plainValues';

/**
 * Validates one Compose document the way `docker compose config` does: interpolation syntax,
 * then the Compose schema on the value after interpolation (defaults applied), then the casts
 * Compose applies to interpolated strings. Values that depend on a variable that is unset and
 * has no default are never judged: we can't know them. Never throws on bad input. `validators`:
 * where compiled validators are kept between processes (KubernetesSchemas.cache).
 */
export function validateComposeDocument(file: ManifestFile, doc: ManifestDoc, validators?: ValidatorCache): Diagnostic[] {
  const out: Diagnostic[] = [];
  try {
    out.push(...interpolationDiagnostics(file, doc));
    out.push(...validateValue(file, doc, validators));
  } catch (error) {
    // A bug here must cost one diagnostic, not the whole file's validation.
    const [start, end] = firstLine(file, doc);
    out.push(makeDiagnostic(file.lines, start, end, 'information', 'internal-error', `Compose validation failed: ${(error as Error).message}`));
  }
  return out;
}

function validateValue(file: ManifestFile, doc: ManifestDoc, validators: ValidatorCache | undefined): Diagnostic[] {
  const value = doc.value;
  if (value === undefined) return []; // not converted: the parser already said why
  if (value === null) {
    // Compose refuses an empty project; an empty file may still be a harmless override file.
    const [start, end] = firstLine(file, doc);
    return [makeDiagnostic(file.lines, start, end, 'warning', 'empty-compose-file', 'Empty Compose file: Compose expects top-level keys such as "services:"')];
  }
  if (!isRecord(value)) {
    const finding: SchemaFinding = {
      path: [],
      on: 'value',
      code: 'invalid-type',
      message: `A Compose file must be a mapping of top-level keys (services, networks, volumes, …), got ${describe(value)}`,
    };
    return [place(file, doc, finding, 'error')];
  }

  const out: Diagnostic[] = [];
  const version = obsoleteVersion(file, doc);
  if (version) out.push(version);

  const interpolated = interpolate(value);
  const unresolved = new Set(interpolated.unresolved.map(pathKey));
  for (const path of resetPaths(doc.yaml.contents)) unset(interpolated.value, path, unresolved);
  for (const finding of checkComposeValues(interpolated.value, unresolved)) {
    out.push(place(file, doc, finding, finding.severity));
  }

  const { validate } = getComposeValidator(undefined, validators);
  if (!validate(interpolated.value)) {
    for (const finding of explainAjvErrors(validate.errors ?? [])) {
      if (finding.on === 'value' && unresolved.has(pathKey(finding.path))) continue;
      out.push(place(file, doc, reword(finding), 'error'));
    }
  }
  return out;
}

// `!reset` removes an attribute (compose-go drops the node while loading), so validate without it.
function resetPaths(node: unknown, path: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  if (path.length > LIMITS.maxDepth) return out;
  if (isNode(node) && node.tag === '!reset') out.push(path);
  else if (isMap(node)) {
    for (const pair of node.items) {
      // yaml gives the `<<` merge key a Symbol value: merged entries are not written here.
      const key = isScalar(pair.key) && typeof pair.key.value !== 'symbol' ? String(pair.key.value) : undefined;
      if (key !== undefined && key !== '<<') resetPaths(pair.value, [...path, key], out);
    }
  } else if (isSeq(node)) node.items.forEach((item, i) => resetPaths(item, [...path, i], out));
  return out;
}

function unset(value: unknown, path: PathSegment[], unresolved: Set<string>): void {
  const parent = path.slice(0, -1).reduce<unknown>((node, segment) => (isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined), value);
  const last = path.at(-1);
  if (isRecord(parent) && typeof last === 'string') delete parent[last];
  else unresolved.add(pathKey(path)); // a list item or the whole document: leave it unjudged
}

// An empty value (`web:` with nothing after it) has an empty range: underline its key instead.
function place(file: ManifestFile, doc: ManifestDoc, finding: SchemaFinding, severity: Severity): Diagnostic {
  const diagnostic = findingToDiagnostic(file, doc, finding, severity);
  const { start, end } = diagnostic.range;
  if (start.line !== end.line || start.character !== end.character || finding.on === 'key') return diagnostic;
  return findingToDiagnostic(file, doc, { ...finding, on: 'key' }, severity);
}

// Unknown keys where users add their own: say where it is and how extensions are spelled.
function reword(finding: SchemaFinding): SchemaFinding {
  if (finding.code !== 'unknown-field') return finding;
  const field = String(finding.path.at(-1));
  const hint = finding.message.includes('did you mean') ? finding.message.slice(finding.message.lastIndexOf("; did you mean")) : ' (custom fields must start with "x-")';
  if (finding.path.length === 1) return { ...finding, message: `Unknown top-level field "${field}"${hint}` };
  if (finding.path.length === 3 && finding.path[0] === 'services' && !hint.startsWith(';')) {
    return { ...finding, message: `${finding.message}${hint}` };
  }
  return finding;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

// docker compose: "the attribute `version` is obsolete, it will be ignored, please remove it".
// Not for Swarm stack files: `docker stack deploy` still reads the legacy format, where version counts.
const STACK_FILE = /(^|[\\/])[^\\/]*stack[^\\/]*\.ya?ml$/i;

function obsoleteVersion(file: ManifestFile, doc: ManifestDoc): Diagnostic | undefined {
  if (!isMap(doc.yaml.contents) || STACK_FILE.test(file.uri.replace(/[?#].*$/, ''))) return undefined;
  const pair = findPair(doc.yaml, doc.yaml.contents, 'version');
  const range = nodeRange(pair?.key as Node | undefined);
  if (!pair || !range) return undefined;
  const diagnostic = makeDiagnostic(
    file.lines, range[0], range[1], 'warning', 'obsolete-version',
    'The attribute "version" is obsolete: Compose ignores it; remove it to avoid confusion',
  );
  diagnostic.tags = [1]; // DiagnosticTag.Unnecessary: editors fade the key out
  return diagnostic;
}

// The first line of the document's content; an empty content gets the whole line it sits on.
function firstLine(file: ManifestFile, doc: ManifestDoc): [number, number] {
  const [start, end] = nodeRange(doc.yaml.contents as Node | null) ?? [doc.start, doc.start];
  const newline = file.text.indexOf('\n', start);
  const lineEnd = newline >= 0 ? newline : file.text.length;
  if (end > start) return [start, Math.min(end, lineEnd)];
  return [start === 0 ? 0 : file.text.lastIndexOf('\n', start - 1) + 1, lineEnd];
}
