import { isRecord } from '../../documents/plainValues';
import { quantitiesEqual } from './quantity';

/**
 * apimachinery's `Semantic.DeepEqual` on plain JSON: deep equality where quantities compare by value
 * (`1Gi` = `1024Mi`, `0.5` = `500m`) and an absent member equals null, `{}` and `[]` (Go decodes all of
 * them to a nil map or slice). What a controller uses to decide whether a pod template changed.
 */

/** Whether the member `key` of a map holds a resource quantity (resource lists and size limits). */
export type QuantityPredicate = (parentKey: string | undefined, key: string) => boolean;

const QUANTITY_MAPS = new Set(['requests', 'limits', 'capacity', 'allocatable', 'overhead', 'hard', 'used', 'allocatedResources']);
const QUANTITY_FIELDS = new Set(['sizeLimit', 'storage']);

export const isQuantityField: QuantityPredicate = (parentKey, key) => (parentKey !== undefined && QUANTITY_MAPS.has(parentKey)) || QUANTITY_FIELDS.has(key);

export function semanticEqual(a: unknown, b: unknown, isQuantity: QuantityPredicate = isQuantityField): boolean {
  return equalAt(a, b, undefined, undefined, isQuantity);
}

function equalAt(a: unknown, b: unknown, parentKey: string | undefined, key: string | undefined, isQuantity: QuantityPredicate): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (a === b) return true;
  if (key !== undefined && isQuantity(parentKey, key) && (typeof a === 'string' || typeof a === 'number') && quantitiesEqual(a, b)) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => equalAt(item, b[i], parentKey, key, isQuantity));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!equalAt(a[k], b[k], key, k, isQuantity)) return false;
    return true;
  }
  return false;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.values(value).every((v) => v === undefined));
}
