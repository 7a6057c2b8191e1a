import { formatPath, type PathSegment } from '../../documents/yamlPath';
import type { Severity } from '../../documents/diagnostic';
import type { SchemaFinding } from '../ajvErrors';
import { closestMatches } from '../suggest';

/*
 * Checks on values the Compose schema leaves as plain strings. The schema accepts a string for
 * numeric and boolean fields because they may hold `${VAR}`; after interpolation compose-go
 * casts those strings (its TypeCastMapping) and fails when they don't convert. Docker also
 * rejects restart policies it doesn't know, which the schema doesn't list.
 */

/** A finding of these checks; YAML 1.1 booleans are only warnings (Compose accepts them). */
export interface ValueFinding extends SchemaFinding {
  severity: Severity;
}

type Cast = 'int' | 'float' | 'bool';

// From compose-go loader/interpolate.go; `*` is any key or index, `[]` any list index.
const CASTS: Array<[string, Cast]> = [
  ['services.*.cpu_count', 'int'], ['services.*.cpu_percent', 'float'], ['services.*.cpu_period', 'int'],
  ['services.*.cpu_quota', 'int'], ['services.*.cpu_rt_period', 'int'], ['services.*.cpu_rt_runtime', 'int'],
  ['services.*.cpus', 'float'], ['services.*.cpu_shares', 'int'], ['services.*.init', 'bool'],
  ['services.*.depends_on.*.required', 'bool'], ['services.*.depends_on.*.restart', 'bool'],
  ['services.*.deploy.replicas', 'int'], ['services.*.deploy.update_config.parallelism', 'int'],
  ['services.*.deploy.update_config.max_failure_ratio', 'float'], ['services.*.deploy.rollback_config.parallelism', 'int'],
  ['services.*.deploy.rollback_config.max_failure_ratio', 'float'], ['services.*.deploy.restart_policy.max_attempts', 'int'],
  ['services.*.deploy.placement.max_replicas_per_node', 'int'], ['services.*.healthcheck.retries', 'int'],
  ['services.*.healthcheck.disable', 'bool'], ['services.*.oom_kill_disable', 'bool'], ['services.*.oom_score_adj', 'int'],
  ['services.*.pids_limit', 'int'], ['services.*.ports.[].target', 'int'], ['services.*.privileged', 'bool'],
  ['services.*.read_only', 'bool'], ['services.*.scale', 'int'], ['services.*.stdin_open', 'bool'], ['services.*.tty', 'bool'],
  ['services.*.ulimits.*', 'int'], ['services.*.ulimits.*.hard', 'int'], ['services.*.ulimits.*.soft', 'int'],
  ['services.*.volumes.[].read_only', 'bool'], ['services.*.volumes.[].volume.nocopy', 'bool'],
  ['networks.*.external', 'bool'], ['networks.*.internal', 'bool'], ['networks.*.attachable', 'bool'],
  ['networks.*.enable_ipv4', 'bool'], ['networks.*.enable_ipv6', 'bool'], ['volumes.*.external', 'bool'],
  ['secrets.*.external', 'bool'], ['configs.*.external', 'bool'],
];
const CAST_PATTERNS = CASTS.map(([pattern, cast]) => [pattern.split('.'), cast] as const);

// Values docker accepts (moby's ParseRestartPolicy; swarm's deploy settings): path, names, test.
const KNOWN_VALUES: Array<[string, string[], RegExp]> = [
  ['services.*.restart', ['no', 'always', 'on-failure[:max-retries]', 'unless-stopped'], /^(no|always|unless-stopped|on-failure(:\d+)?)$/],
  ['services.*.deploy.mode', ['replicated', 'global', 'replicated-job', 'global-job'], /^(replicated|global|replicated-job|global-job)$/],
  ['services.*.deploy.restart_policy.condition', ['none', 'on-failure', 'any'], /^(none|on-failure|any)$/],
];
const VALUE_PATTERNS = KNOWN_VALUES.map(([pattern, allowed, test]) => [pattern.split('.'), allowed, test] as const);

function matches(pattern: readonly string[], path: readonly PathSegment[]): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((part, i) => part === '*' || (part === '[]' ? typeof path[i] === 'number' : part === path[i]));
}

const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^[+-]?(inf|infinity|nan)$/i;
const YAML11_BOOLEANS: Record<string, boolean> = { y: true, yes: true, on: true, n: false, no: false, off: false };

/**
 * Casts, in place, the strings of an interpolated Compose value that Compose casts, and returns
 * what fails. Paths listed in `unresolved` hold values we can't know and are not judged.
 */
export function checkComposeValues(value: unknown, unresolved: ReadonlySet<string>): ValueFinding[] {
  const findings: ValueFinding[] = [];
  const walk = (node: unknown, path: PathSegment[], set: (v: unknown) => void) => {
    if (typeof node === 'string') {
      if (!unresolved.has(pathKey(path))) checkString(node, path, set, findings);
      return;
    }
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i], (v) => (node[i] = v)));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) walk(record[key], [...path, key], (v) => (record[key] = v));
    }
  };
  walk(value, [], () => undefined);
  return findings;
}

/** The key of a path in the `unresolved` set. */
export function pathKey(path: readonly PathSegment[]): string {
  return path.join('\u0000');
}

function checkString(text: string, path: PathSegment[], set: (v: unknown) => void, out: ValueFinding[]): void {
  const at = formatPath(path);
  const cast = CAST_PATTERNS.find(([pattern]) => matches(pattern, path))?.[1];
  const shown = JSON.stringify(text);
  const invalid = (expected: string): ValueFinding => ({
    path, on: 'value', severity: 'error', code: 'invalid-type', message: `${at}: expected ${expected}, got string ${shown}`,
  });
  if (cast === 'int') {
    if (INT.test(text)) set(Number(text));
    else out.push(invalid('integer'));
  } else if (cast === 'float') {
    if (FLOAT.test(text)) set(Number(text.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity')));
    else out.push(invalid('number'));
  } else if (cast === 'bool') {
    const lower = text.toLowerCase();
    if (lower === 'true' || lower === 'false') set(lower === 'true');
    else if (lower in YAML11_BOOLEANS) {
      set(YAML11_BOOLEANS[lower]);
      const meant = String(YAML11_BOOLEANS[lower]);
      out.push({ path, on: 'value', severity: 'warning', code: 'yaml11-boolean', message: `${at}: ${shown} for a boolean is not supported by YAML 1.2; write ${meant}` });
    } else out.push(invalid('boolean (true or false)'));
  }
  const known = VALUE_PATTERNS.find(([pattern]) => matches(pattern, path));
  if (known && !known[2].test(text)) {
    const [best] = closestMatches(text, known[1].map((v) => v.replace(/\[.*\]$/, '')));
    const hint = best ? ` Did you mean "${best}"?` : '';
    out.push({
      path, on: 'value', severity: 'error', code: 'invalid-value',
      message: `${at}: string ${shown} is not allowed; expected one of: ${known[1].join(', ')}.${hint}`,
    });
  }
}
