import type { FieldChange } from '../../shared/dryrunPlan';
import { isRecord, jsonEqual } from './jsonValue';
import { LAST_APPLIED } from './lastApplied';
import type { PatchMeta } from './strategicMerge/patchMeta';

/**
 * The field-level difference between two versions of an object, leaf by leaf, with merge-list items
 * named by their merge key (`spec.template.spec.containers[name=app].image`). Fields the server
 * owns (resourceVersion, uid, generation, timestamps, managedFields), the last-applied annotation and
 * status are left out: they change on every write and say nothing about the user's edit.
 */

const IGNORED_METADATA = new Set(['resourceVersion', 'generation', 'uid', 'creationTimestamp', 'managedFields', 'selfLink']);

export function fieldChanges(before: unknown, after: unknown, meta: PatchMeta): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, '', meta, out, []);
  return out;
}

function ignored(trail: readonly string[]): boolean {
  if (trail.length === 1 && trail[0] === 'status') return true;
  if (trail.length === 2 && trail[0] === 'metadata' && IGNORED_METADATA.has(trail[1]!)) return true;
  return trail.length === 3 && trail[0] === 'metadata' && trail[1] === 'annotations' && trail[2] === LAST_APPLIED;
}

function keyPath(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

function walk(before: unknown, after: unknown, path: string, meta: PatchMeta, out: FieldChange[], trail: string[]): void {
  if (jsonEqual(before, after)) return;
  const beforeMap = isRecord(before) ? before : undefined;
  const afterMap = isRecord(after) ? after : undefined;
  if ((beforeMap || afterMap) && (beforeMap || before === undefined) && (afterMap || after === undefined) && !isEmptyMap(beforeMap, afterMap)) {
    const keys = [...Object.keys(afterMap ?? {}), ...Object.keys(beforeMap ?? {}).filter((k) => !afterMap || !(k in afterMap))];
    for (const key of keys) {
      const next = [...trail, key];
      if (ignored(next)) continue;
      walk(beforeMap?.[key], afterMap?.[key], keyPath(path, key), meta.field(key), out, next);
    }
    return;
  }
  const beforeList = Array.isArray(before) ? before : undefined;
  const afterList = Array.isArray(after) ? after : undefined;
  if ((beforeList || afterList) && (beforeList || before === undefined) && (afterList || after === undefined)) {
    const items = [...(beforeList ?? []), ...(afterList ?? [])];
    const mergeKey = meta.mergeKey;
    if (items.length > 0 && items.every(isRecord)) {
      if (mergeKey && items.every((item) => (item as Record<string, unknown>)[mergeKey] !== undefined)) {
        walkKeyedList((beforeList ?? []) as Array<Record<string, unknown>>, (afterList ?? []) as Array<Record<string, unknown>>, mergeKey, path, meta.item(), out);
        return;
      }
      const length = Math.max(beforeList?.length ?? 0, afterList?.length ?? 0);
      for (let i = 0; i < length; i++) walk(beforeList?.[i], afterList?.[i], `${path}[${i}]`, meta.item(), out, [...trail, String(i)]);
      return;
    }
  }
  out.push(change(path, before, after));
}

function walkKeyedList(before: Array<Record<string, unknown>>, after: Array<Record<string, unknown>>, mergeKey: string, path: string, itemMeta: PatchMeta, out: FieldChange[]): void {
  const keyOf = (item: Record<string, unknown>) => item[mergeKey];
  const itemPath = (item: Record<string, unknown>) => `${path}[${mergeKey}=${String(keyOf(item))}]`;
  for (const item of after) walk(before.find((b) => keyOf(b) === keyOf(item)), item, itemPath(item), itemMeta, out, []);
  for (const item of before) if (!after.some((a) => keyOf(a) === keyOf(item))) walk(item, undefined, itemPath(item), itemMeta, out, []);
  const order = (list: Array<Record<string, unknown>>) => list.map(keyOf).filter((k) => before.some((b) => keyOf(b) === k) && after.some((a) => keyOf(a) === k));
  // A reorder changes no leaf but is a change (K18: it rolls a Deployment): the list, from/to its merge keys in order.
  if (!jsonEqual(order(before), order(after))) out.push(change(path, order(before), order(after)));
}

function isEmptyMap(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): boolean {
  return (!before || Object.keys(before).length === 0) && (!after || Object.keys(after).length === 0);
}

function change(path: string, from: unknown, to: unknown): FieldChange {
  const out: FieldChange = { path };
  if (from !== undefined) out.from = from;
  if (to !== undefined) out.to = to;
  return out;
}
