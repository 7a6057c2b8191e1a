import type { PathSegment } from '../documents/yamlPath';
import { isRecord } from '../documents/plainValues';

/** What completion reads of the Kubernetes document around the cursor. */
export interface DocFacts {
  apiVersion?: string;
  kind?: string;
  /** `metadata.namespace` when written (undefined: the contextual namespace). */
  namespace?: string;
  /** The document's value (an empty mapping when it is not one). */
  value: Record<string, unknown>;
  /** An `apiVersion:` key is written (possibly without a value yet). */
  hasApiVersionKey: boolean;
}

export function docFacts(value: unknown): DocFacts {
  const record = isRecord(value) ? value : {};
  const metadata = isRecord(record.metadata) ? record.metadata : {};
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    apiVersion: text(record.apiVersion),
    kind: text(record.kind),
    namespace: text(metadata.namespace),
    value: record,
    hasApiVersionKey: 'apiVersion' in record,
  };
}

/** The value at a path of a plain value; undefined when the path leaves it. */
export function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let node = value;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isRecord(node)) node = node[String(segment)];
    else return undefined;
  }
  return node;
}

/** A string value at a path, or undefined. */
export function stringAt(value: unknown, path: readonly PathSegment[]): string | undefined {
  const v = valueAt(value, path);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** `*` matches any segment, `#` any list index. */
export type PathPattern = readonly (string | '*' | '#')[];

/** Whether a path ends with a pattern. */
export function endsWith(path: readonly PathSegment[], pattern: PathPattern): boolean {
  if (pattern.length > path.length) return false;
  const offset = path.length - pattern.length;
  return pattern.every((p, i) => {
    const segment = path[offset + i];
    return p === '*' || (p === '#' ? typeof segment === 'number' : segment === p);
  });
}
