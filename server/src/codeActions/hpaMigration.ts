import { isCollection, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { MigrationPlan } from './apiVersionMigration';
import type { FixContext, ObjectAt } from './fixContext';
import { blockText, flowText, Raw, type YamlOut } from './renderYaml';
import { childMap, columnOf, newlineOf, nodeEnd, type OffsetEdit } from './textEdits';

type Source = Record<string, YamlOut>;

/**
 * HorizontalPodAutoscaler autoscaling/v2beta1 → v2: each metric's flat `metricName` and
 * `target*` fields became a `metric: {name, selector}` and a typed `target`. (v2beta2 already
 * has the v2 shape: only its apiVersion changes.)
 */
export function migrateHorizontalPodAutoscaler(ctx: FixContext, object: ObjectAt, from: string): MigrationPlan {
  const plan: MigrationPlan = { edits: [], changes: [] };
  if (from !== 'autoscaling/v2beta1') return plan;
  const metrics = childMap(object.node, 'spec')?.get('metrics', true);
  if (!isSeq(metrics)) return plan;
  for (const metric of metrics.items) {
    for (const [field, convert] of CONVERSIONS) {
      const source = childMap(metric, field);
      if (source) plan.edits.push(rewrite(ctx, source, convert(read(ctx, source))));
    }
  }
  if (plan.edits.length) plan.changes.push('metrics use metric.name and a typed target');
  return plan;
}

const CONVERSIONS: Array<[string, (s: Source) => Source]> = [
  ['resource', (s) => ({ ...pick(s, 'name'), target: target(s) })],
  ['containerResource', (s) => ({ ...pick(s, 'name'), ...pick(s, 'container'), target: target(s) })],
  ['pods', (s) => ({ metric: metric(s, 'selector'), target: target(s) })],
  ['object', (s) => ({ ...(s.target !== undefined ? { describedObject: s.target } : {}), metric: metric(s, 'selector'), target: target(s) })],
  ['external', (s) => ({ metric: metric(s, 'metricSelector'), target: target(s) })],
];

function pick(source: Source, field: string): Source {
  return source[field] === undefined ? {} : { [field]: source[field]! };
}

function metric(source: Source, selectorField: string): Source {
  return { ...(source.metricName !== undefined ? { name: source.metricName } : {}), ...(source[selectorField] !== undefined ? { selector: source[selectorField]! } : {}) };
}

// v2beta1 had one field per target type; v2 says the type and keeps one value.
function target(source: Source): Source {
  if (source.targetAverageUtilization !== undefined) return { type: 'Utilization', averageUtilization: source.targetAverageUtilization };
  if (source.targetAverageValue !== undefined) return { type: 'AverageValue', averageValue: source.targetAverageValue };
  if (source.averageValue !== undefined) return { type: 'AverageValue', averageValue: source.averageValue };
  if (source.targetValue !== undefined) return { type: 'Value', value: source.targetValue };
  return { type: 'Value' };
}

/** A metric source's fields: scalars as written, block collections as data (re-indented when written). */
function read(ctx: FixContext, map: YAMLMap): Source {
  const out: Source = {};
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const node = pair.value as Node | null;
    const range = node?.range;
    if (!node || !range) continue;
    out[String(pair.key.value)] = isCollection(node) && !node.flow ? (node.toJSON() as YamlOut) : new Raw(ctx.file.text.slice(range[0], range[1]));
  }
  return out;
}

function rewrite(ctx: FixContext, map: YAMLMap, value: Source): OffsetEdit | undefined {
  const range = map.range;
  if (!range) return undefined;
  if (map.flow) return { start: range[0], end: range[1], text: flowText(value) };
  const indent = ' '.repeat(columnOf(ctx.file.text, range[0]));
  return { start: range[0], end: nodeEnd(map), text: blockText(value, indent, newlineOf(ctx.file.text)) };
}
