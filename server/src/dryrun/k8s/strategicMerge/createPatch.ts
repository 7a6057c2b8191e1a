import { isRecord, jsonEqual, jsonType, type JsonMap } from '../jsonValue';
import type { PatchMeta } from './patchMeta';

/**
 * kubectl's three-way strategic merge patch (apimachinery `strategicpatch.CreateThreeWayMergePatch`):
 * deletions come from last-applied → manifest, changes and additions from live → manifest. Kept as the
 * two halves kubectl computes; applying one after the other equals applying their merge.
 */
export interface ThreeWayPatch {
  deletions: JsonMap;
  delta: JsonMap;
}

interface DiffOptions {
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
  buildRetainKeys: boolean;
}

export const RETAIN_KEYS = '$retainKeys';
export const SET_ELEMENT_ORDER = '$setElementOrder/';
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';
export const DIRECTIVE = '$patch';

export function threeWayMergePatch(original: JsonMap, modified: JsonMap, current: JsonMap, meta: PatchMeta): ThreeWayPatch {
  const delta = diffMaps(current, modified, meta, { ignoreDeletions: true, ignoreChangesAndAdditions: false, buildRetainKeys: false });
  const deletions = diffMaps(original, modified, meta, { ignoreDeletions: false, ignoreChangesAndAdditions: true, buildRetainKeys: false });
  return { deletions, delta };
}

/** kubectl sends nothing (and prints "unchanged") when the patch is `{}`. */
export function isEmptyPatch(patch: ThreeWayPatch): boolean {
  return Object.keys(patch.deletions).length === 0 && Object.keys(patch.delta).length === 0;
}

function diffMaps(original: JsonMap, modified: JsonMap, meta: PatchMeta, options: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  const retainKeys: string[] = [];
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (modifiedValue === undefined) continue;
    if (options.buildRetainKeys && modifiedValue !== null) retainKeys.push(key);
    if (!Object.prototype.hasOwnProperty.call(original, key) || original[key] === undefined) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    const originalValue = original[key];
    if (jsonType(originalValue) !== jsonType(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    if (isRecord(originalValue) && isRecord(modifiedValue)) diffMapField(key, originalValue, modifiedValue, patch, meta.field(key), options);
    else if (Array.isArray(originalValue) && Array.isArray(modifiedValue)) diffListField(key, originalValue, modifiedValue, patch, meta.field(key), options);
    else replaceIfNotEqual(key, originalValue, modifiedValue, patch, options);
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (original[key] !== undefined && !(key in modified)) patch[key] = null;
  }
  // $retainKeys goes out when something changes here or the other side has members the manifest dropped.
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalField(original, modified))) {
    patch[RETAIN_KEYS] = [...retainKeys].sort();
  }
  return patch;
}

function hasAdditionalField(original: JsonMap, modified: JsonMap): boolean {
  return Object.entries(original).some(([key, value]) => value !== null && value !== undefined && !(key in modified));
}

function diffMapField(key: string, original: JsonMap, modified: JsonMap, patch: JsonMap, meta: PatchMeta, options: DiffOptions): void {
  if (meta.strategy === 'replace') {
    if (!options.ignoreChangesAndAdditions) patch[key] = modified;
    return;
  }
  const value = diffMaps(original, modified, meta, { ...options, buildRetainKeys: meta.retainKeys });
  if (Object.keys(value).length > 0) patch[key] = value;
}

function replaceIfNotEqual(key: string, original: unknown, modified: unknown, patch: JsonMap, options: DiffOptions): void {
  if (!options.ignoreChangesAndAdditions && !jsonEqual(original, modified)) patch[key] = modified;
}

function diffListField(key: string, original: unknown[], modified: unknown[], patch: JsonMap, meta: PatchMeta, options: DiffOptions): void {
  const lists = meta.strategy === 'merge' ? diffLists(original, modified, meta, { ...options, buildRetainKeys: meta.retainKeys }) : undefined;
  // Atomic lists, and merge lists kubectl could not diff (mixed items, a missing merge key), are replaced.
  if (!lists) return replaceIfNotEqual(key, original, modified, patch, options);
  if (lists.patch.length > 0) patch[key] = lists.patch;
  if (lists.deletions.length > 0) patch[DELETE_FROM_PRIMITIVE_LIST + key] = lists.deletions;
  if (lists.order.length > 0) patch[SET_ELEMENT_ORDER + key] = lists.order;
}

interface ListDiff {
  patch: unknown[];
  deletions: unknown[];
  order: unknown[];
}

/** fmt's %v of a merge-key value: how upstream sorts and matches list items. */
function keyString(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function diffLists(original: unknown[], modified: unknown[], meta: PatchMeta, options: DiffOptions): ListDiff | undefined {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return { patch: [], deletions: [], order: [] };
    return { patch: modified, deletions: [], order: [] };
  }
  const items = [...original, ...modified];
  const mapItems = items.every(isRecord);
  if (!mapItems && !items.every((item) => !isRecord(item) && !Array.isArray(item))) return undefined;
  if (!mapItems) return diffScalarLists(original, modified, options);
  const mergeKey = meta.mergeKey;
  if (!mergeKey || !items.every((item) => (item as JsonMap)[mergeKey] !== undefined)) return undefined;
  const { patch, deletions } = diffListsOfMaps(original as JsonMap[], modified as JsonMap[], meta.item(), mergeKey, options);
  const ordered = sortByOrder(patch, modified as JsonMap[], mergeKey);
  const orderSame = original.length === modified.length && modified.every((item, i) => (original[i] as JsonMap)[mergeKey] === (item as JsonMap)[mergeKey]);
  const patchList = [...ordered, ...deletions];
  const needsOrder = (!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!options.ignoreDeletions && patchList.length > 0);
  const order = needsOrder ? (modified as JsonMap[]).map((item) => ({ [mergeKey]: item[mergeKey] })) : [];
  return { patch: patchList, deletions: [], order };
}

function diffListsOfMaps(original: JsonMap[], modified: JsonMap[], itemMeta: PatchMeta, mergeKey: string, options: DiffOptions): { patch: JsonMap[]; deletions: JsonMap[] } {
  const patch: JsonMap[] = [];
  const deletions: JsonMap[] = [];
  const byKey = (a: JsonMap, b: JsonMap) => compareStrings(keyString(a[mergeKey]), keyString(b[mergeKey]));
  const left = [...original].sort(byKey);
  const right = [...modified].sort(byKey);
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const order = i < left.length && j < right.length ? compareStrings(keyString(left[i]![mergeKey]), keyString(right[j]![mergeKey])) : i < left.length ? -1 : 1;
    if (order === 0) {
      const value = diffMaps(left[i]!, right[j]!, itemMeta, options);
      if (Object.keys(value).length > 0) patch.push({ ...value, [mergeKey]: right[j]![mergeKey] });
      i++;
      j++;
    } else if (order > 0) {
      if (!options.ignoreChangesAndAdditions) patch.push(right[j]!);
      j++;
    } else {
      if (!options.ignoreDeletions) deletions.push({ [mergeKey]: left[i]![mergeKey], [DIRECTIVE]: 'delete' });
      i++;
    }
  }
  return { patch, deletions };
}

function diffScalarLists(original: unknown[], modified: unknown[], options: DiffOptions): ListDiff {
  const left = [...original].sort((a, b) => compareStrings(keyString(a), keyString(b)));
  const right = [...modified].sort((a, b) => compareStrings(keyString(a), keyString(b)));
  const additions: unknown[] = [];
  const deletions: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const order = i < left.length && j < right.length ? compareStrings(keyString(left[i]), keyString(right[j])) : i < left.length ? -1 : 1;
    if (order === 0) {
      i++;
      j++;
    } else if (order > 0) {
      if (!options.ignoreChangesAndAdditions) additions.push(right[j]);
      j++;
    } else {
      if (!options.ignoreDeletions && !deletions.some((d) => d === left[i])) deletions.push(left[i]);
      i++;
    }
  }
  const needsOrder = (!options.ignoreDeletions && deletions.length > 0) || (!options.ignoreChangesAndAdditions && !jsonEqual(original, modified));
  return { patch: sortByOrder(additions, modified), deletions, order: needsOrder ? modified : [] };
}

/** Orders items by their position in `order` (by merge key for maps); items not found keep their order at the end. */
export function sortByOrder<T>(items: T[], order: readonly unknown[], mergeKey?: string): T[] {
  const position = (item: unknown) => indexOfItem(order, item, mergeKey);
  return items
    .map((item, i) => ({ item, i, at: position(item) }))
    .sort((a, b) => (a.at < 0 || b.at < 0 ? (a.at < 0 ? 1 : 0) - (b.at < 0 ? 1 : 0) || a.i - b.i : a.at - b.at || a.i - b.i))
    .map(({ item }) => item);
}

export function indexOfItem(list: readonly unknown[], item: unknown, mergeKey?: string): number {
  const value = mergeKey && isRecord(item) ? item[mergeKey] : item;
  return list.findIndex((candidate) => (mergeKey && isRecord(candidate) ? candidate[mergeKey] : candidate) === value);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The single patch document kubectl sends (deletions merged into the changes), for messages that quote it. */
export function combinedPatch({ deletions, delta }: ThreeWayPatch): JsonMap {
  return mergePatchMaps(deletions, delta);
}

function mergePatchMaps(left: JsonMap, right: JsonMap): JsonMap {
  const out: JsonMap = { ...left };
  for (const [key, value] of Object.entries(right)) {
    const existing = out[key];
    if (isRecord(existing) && isRecord(value)) out[key] = mergePatchMaps(existing, value);
    else if (Array.isArray(existing) && Array.isArray(value) && !key.startsWith('$')) out[key] = [...value, ...existing.filter((item) => !value.some((v) => jsonEqual(v, item)))];
    else out[key] = value;
  }
  return out;
}
