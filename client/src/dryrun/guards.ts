/**
 * Runtime type guards for JSON that crosses the webview boundary. Each guard is typed against the
 * interface it checks (`const g: Guard<Plan> = …`), so the compiler catches a guard that forgets a
 * required field. No `vscode`, no DOM, no Node: the extension and the webview bundle both use them.
 */

export type Guard<T> = (value: unknown) => value is T;
type Guarded<G> = G extends Guard<infer T> ? T : never;
type GuardMap = Record<string, Guard<unknown>>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isString: Guard<string> = (value): value is string => typeof value === 'string';
export const isBoolean: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';
export const isNumber: Guard<number> = (value): value is number => typeof value === 'number' && Number.isFinite(value);
/** Counts, steps, ordinals, 0-based positions. */
export const isCount: Guard<number> = (value): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
/** Any JSON value (diff values are arbitrary). */
export const isAny: Guard<unknown> = (_value): _value is unknown => true;
export const isEmptyArray: Guard<[]> = (value): value is [] => Array.isArray(value) && value.length === 0;

export function literal<const L extends readonly (string | number | boolean)[]>(...values: L): Guard<L[number]> {
  return (value): value is L[number] => values.includes(value as L[number]);
}

export function arrayOf<T>(item: Guard<T>): Guard<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.every((element) => item(element));
}

/**
 * An object with the `required` fields and, when present and not undefined, the `optional` ones.
 * `exact` also rejects any other key: for messages we define completely (webview → extension).
 */
export function record<R extends GuardMap, O extends GuardMap = Record<never, never>>(
  required: R,
  optional?: O,
  exact = false,
): Guard<{ [K in keyof R]: Guarded<R[K]> } & { [K in keyof O]?: Guarded<O[K]> }> {
  return (value): value is { [K in keyof R]: Guarded<R[K]> } & { [K in keyof O]?: Guarded<O[K]> } => {
    if (!isRecord(value)) return false;
    for (const [key, guard] of Object.entries(required)) if (!Object.hasOwn(value, key) || !guard(value[key])) return false;
    for (const [key, guard] of Object.entries(optional ?? {})) if (value[key] !== undefined && !guard(value[key])) return false;
    if (exact) for (const key of Object.keys(value)) if (!Object.hasOwn(required, key) && !Object.hasOwn(optional ?? {}, key)) return false;
    return true;
  };
}

export function oneOf<G extends Guard<unknown>[]>(...guards: G): Guard<Guarded<G[number]>> {
  return (value): value is Guarded<G[number]> => guards.some((guard) => guard(value));
}
