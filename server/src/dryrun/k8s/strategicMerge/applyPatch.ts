import { isRecord, jsonType, type JsonMap } from '../jsonValue';
import { DELETE_FROM_PRIMITIVE_LIST, DIRECTIVE, RETAIN_KEYS, SET_ELEMENT_ORDER, indexOfItem, sortByOrder } from './createPatch';
import type { PatchMeta } from './patchMeta';

/**
 * The API server's side of a strategic merge patch (`StrategicMergeMapPatch`): nulls delete,
 * `$retainKeys` clears the members it does not list, merge lists merge item by item on their merge
 * key, `$patch: delete` removes items, `$deleteFromPrimitiveList` removes scalars and
 * `$setElementOrder` reorders. `target` is modified in place and returned.
 */
export function applyStrategicPatch(target: JsonMap, patch: JsonMap, meta: PatchMeta): JsonMap {
  return mergeMap(target, { ...patch }, meta);
}

function mergeMap(original: JsonMap, patch: JsonMap, meta: PatchMeta): JsonMap {
  const directive = patch[DIRECTIVE];
  if (directive === 'replace') {
    const { [DIRECTIVE]: _ignored, ...rest } = patch;
    return rest;
  }
  if (directive === 'delete') return {};

  const retain = patch[RETAIN_KEYS];
  if (Array.isArray(retain)) {
    delete patch[RETAIN_KEYS];
    for (const key of Object.keys(original)) if (!retain.includes(key)) delete original[key];
  }

  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    delete patch[key];
    const field = key.slice(SET_ELEMENT_ORDER.length);
    if (!Array.isArray(order)) continue;
    const originalList = Array.isArray(original[field]) ? (original[field] as unknown[]) : undefined;
    const patchList = Array.isArray(patch[field]) ? (patch[field] as unknown[]) : undefined;
    if (!originalList && !patchList) continue;
    const fieldMeta = meta.field(field);
    const merged = originalList && patchList ? mergeListField(originalList, patchList, fieldMeta, false) : (originalList ?? patchList)!;
    const mergeKey = fieldMeta.mergeKey;
    const inOrder = merged.filter((item) => indexOfItem(order, item, mergeKey) >= 0);
    const serverOnly = merged.filter((item) => indexOfItem(order, item, mergeKey) < 0);
    original[field] = normalizeElementOrder(inOrder, serverOnly, order, originalList ?? [], mergeKey);
    delete patch[field];
  }

  for (const [rawKey, patchValue] of Object.entries(patch)) {
    const isDeleteList = rawKey.startsWith(DELETE_FROM_PRIMITIVE_LIST);
    const key = isDeleteList ? rawKey.slice(DELETE_FROM_PRIMITIVE_LIST.length) : rawKey;
    if (patchValue === null || patchValue === undefined) {
      delete original[key];
      continue;
    }
    const current = original[key];
    if (current === undefined) {
      if (!isDeleteList) original[key] = patchValue;
      continue;
    }
    if (jsonType(current) !== jsonType(patchValue)) {
      original[key] = patchValue;
      continue;
    }
    const fieldMeta = meta.field(key);
    if (isRecord(current) && isRecord(patchValue)) {
      original[key] = fieldMeta.strategy === 'replace' ? patchValue : mergeMap(current, { ...patchValue }, fieldMeta);
    } else if (Array.isArray(current) && Array.isArray(patchValue)) {
      original[key] = mergeListField(current, patchValue, fieldMeta, isDeleteList);
    } else {
      original[key] = patchValue;
    }
  }
  return original;
}

function mergeListField(original: unknown[], patch: unknown[], meta: PatchMeta, isDeleteList: boolean): unknown[] {
  return meta.strategy === 'merge' ? mergeList(original, patch, meta, isDeleteList) : patch;
}

function mergeList(originalList: unknown[], patchList: unknown[], meta: PatchMeta, isDeleteList: boolean): unknown[] {
  if (originalList.length === 0 && patchList.length === 0) return originalList;
  const mapItems = [...originalList, ...patchList].some(isRecord);
  let original = [...originalList];
  let patch = patchList;
  let merged: unknown[];
  const mergeKey = meta.mergeKey;
  if (!mapItems) {
    if (isDeleteList) return original.filter((item) => !patch.includes(item));
    merged = dedupe([...original, ...patch]);
  } else {
    if (!mergeKey) return patch;
    const plain: JsonMap[] = [];
    let replace = false;
    for (const item of patch.filter(isRecord)) {
      if (item[DIRECTIVE] === 'delete') original = original.filter((o) => !isRecord(o) || o[mergeKey] !== item[mergeKey]);
      else if (item[DIRECTIVE] === 'replace') replace = true;
      else plain.push(item);
    }
    if (replace) {
      original = plain;
      patch = [];
    } else {
      patch = plain;
    }
    merged = [...original];
    for (const item of patch as JsonMap[]) {
      const at = merged.findIndex((o) => isRecord(o) && o[mergeKey] === item[mergeKey]);
      if (at >= 0) merged[at] = mergeMap(merged[at] as JsonMap, { ...item }, meta.item());
      else merged.push(item);
    }
  }
  const key = mapItems ? mergeKey : undefined;
  const inPatch = merged.filter((item) => indexOfItem(patch, item, key) >= 0);
  const serverOnly = merged.filter((item) => indexOfItem(patch, item, key) < 0);
  return normalizeElementOrder(inPatch, serverOnly, patch, original, key);
}

/**
 * Patch items in patch order, server-only items in live order, interleaved so that each keeps its
 * place relative to the live list where both sides were there before (`mergeSortedSlice`).
 */
function normalizeElementOrder(patchItems: unknown[], serverOnly: unknown[], patchOrder: readonly unknown[], serverOrder: readonly unknown[], mergeKey: string | undefined): unknown[] {
  const right = sortByOrder(patchItems, patchOrder, mergeKey);
  const left = sortByOrder(serverOnly, serverOrder, mergeKey);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexOfItem(serverOrder, left[i], mergeKey);
      const ri = indexOfItem(serverOrder, right[j], mergeKey);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

function dedupe(items: unknown[]): unknown[] {
  return items.filter((item, i) => items.indexOf(item) === i);
}
