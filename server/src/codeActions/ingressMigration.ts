import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { MigrationPlan } from './apiVersionMigration';
import type { FixContext, ObjectAt } from './fixContext';
import { flowText, pairText, Raw, restyled, type YamlOut } from './renderYaml';
import { childMap, columnOf, findOwnPair, insertPair, newlineOf, pairEnd, removePair, type OffsetEdit } from './textEdits';

// The v1beta1 default: the IngressClass decides how a path matches, as it did before pathType existed.
const DEFAULT_PATH_TYPE = 'ImplementationSpecific';

/**
 * Ingress extensions/v1beta1 | networking.k8s.io/v1beta1 → networking.k8s.io/v1: backends name
 * their Service as `service: {name, port: {number | name}}` instead of `serviceName`/`servicePort`,
 * `spec.backend` became `spec.defaultBackend`, and every path needs a `pathType`.
 */
export function migrateIngress(ctx: FixContext, object: ObjectAt): MigrationPlan {
  const plan: MigrationPlan = { edits: [], changes: [] };
  const spec = childMap(object.node, 'spec');
  if (!spec) return plan;
  let backends = 0;
  let pathTypes = 0;
  const convert = (map: unknown) => {
    const edits = backendEdits(ctx, map);
    plan.edits.push(...edits);
    if (edits.length) backends++;
  };
  const defaultBackend = findOwnPair(spec, 'backend');
  if (defaultBackend && isScalar(defaultBackend.key) && defaultBackend.key.range) {
    const key = defaultBackend.key as Scalar;
    plan.edits.push({ start: key.range![0], end: key.range![1], text: restyled(key, 'defaultBackend') });
    plan.changes.push('spec.backend → spec.defaultBackend');
    convert(defaultBackend.value);
  }
  for (const path of httpPaths(spec)) {
    convert(childMap(path, 'backend'));
    if (path.has('pathType')) continue;
    const after = findOwnPair(path, 'path');
    plan.edits.push(insertPair(ctx.file, path, 'pathType', DEFAULT_PATH_TYPE, after ? { after } : { before: path.items[0] }));
    pathTypes++;
  }
  if (backends) plan.changes.push('serviceName/servicePort → service.name/service.port');
  if (pathTypes) plan.changes.push(`pathType: ${DEFAULT_PATH_TYPE}`);
  return plan;
}

function httpPaths(spec: YAMLMap): YAMLMap[] {
  const rules = findOwnPair(spec, 'rules')?.value;
  if (!isSeq(rules)) return [];
  const out: YAMLMap[] = [];
  for (const rule of rules.items) {
    const paths = findOwnPair(childMap(rule, 'http'), 'paths')?.value;
    if (isSeq(paths)) for (const path of paths.items) if (isMap(path)) out.push(path);
  }
  return out;
}

/** The edits turning one `{serviceName, servicePort}` backend into `{service: {name, port}}`. */
function backendEdits(ctx: FixContext, map: unknown): Array<OffsetEdit | undefined> {
  if (!isMap(map)) return [];
  const name = findOwnPair(map, 'serviceName');
  const port = findOwnPair(map, 'servicePort');
  if (!name && !port) return [];
  const service: Record<string, YamlOut> = {};
  if (name) service.name = source(ctx, name.value);
  if (port) service.port = portOf(ctx, port.value);
  const text = ctx.file.text;
  if (map.flow) {
    // A flow backend is rewritten whole, its other entries copied as written.
    const entries = map.items.flatMap((pair): Array<[string, YamlOut]> => {
      if (pair === port) return [];
      if (pair === name || (!name && pair === port)) return [['service', service]];
      return [[sourceText(ctx, pair.key), source(ctx, pair.value)]];
    });
    const range = map.range!;
    return [{ start: range[0], end: range[1], text: `{${entries.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}` }];
  }
  const [first, second] = [name, port].filter((p): p is Pair => p !== undefined).sort((a, b) => keyStart(a) - keyStart(b));
  const start = keyStart(first!);
  const indent = ' '.repeat(columnOf(text, start));
  const replaced: OffsetEdit = { start, end: pairEnd(first!), text: pairText('service', service, indent, newlineOf(text)) };
  return second ? [replaced, removePair(ctx.file, map, second)] : [replaced];
}

// A port number stays a number; a numeric string too (IntOrString "80" meant the port 80); anything else is a port name.
function portOf(ctx: FixContext, node: unknown): YamlOut {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'number') return { number: source(ctx, node) };
  if (typeof value === 'string' && /^\d+$/.test(value)) return { number: Number(value) };
  return { name: source(ctx, node) };
}

function keyStart(pair: Pair): number {
  return (pair.key as Node | null)?.range?.[0] ?? 0;
}

function sourceText(ctx: FixContext, node: unknown): string {
  const range = (node as Node | null | undefined)?.range;
  return range ? ctx.file.text.slice(range[0], range[1]) : '';
}

/** A scalar copied as written; empty values become an empty string for the user to fill in. */
function source(ctx: FixContext, node: unknown): YamlOut {
  const text = sourceText(ctx, node);
  return text ? new Raw(text) : '';
}
