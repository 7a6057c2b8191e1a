import * as equal from 'ajv/dist/runtime/equal';
import * as ucs2length from 'ajv/dist/runtime/ucs2length';
import * as uri from 'ajv/dist/runtime/uri';
import * as validationError from 'ajv/dist/runtime/validation_error';
import { COMPOSE_FORMATS } from './composeFormats';
import { KUBERNETES_FORMATS } from './kubernetesFormats';

/** The names by which standalone validator code reaches the formats (ajv's code.formats option). */
export const FORMATS_MODULE = 'shipshape:kubernetes-formats';
export const COMPOSE_FORMATS_MODULE = 'shipshape:compose-formats';

// Everything ajv's standalone code may require, bundled: the cached code runs inside the bundle,
// which has no node_modules to resolve these from.
const MODULES: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['ajv/dist/runtime/equal', equal],
  ['ajv/dist/runtime/ucs2length', ucs2length],
  ['ajv/dist/runtime/uri', uri],
  ['ajv/dist/runtime/validation_error', validationError],
  [FORMATS_MODULE, KUBERNETES_FORMATS],
  [COMPOSE_FORMATS_MODULE, COMPOSE_FORMATS],
]);

/** The modules a piece of standalone code requires. */
export function requiredModules(code: string): string[] {
  return [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
}

/** Whether standalone code can run with what the bundle provides. */
export function canProvide(code: string): boolean {
  return requiredModules(code).every((id) => MODULES.has(id));
}

/** The `require` that standalone validator code is run with. */
export function standaloneRequire(id: string): unknown {
  if (!MODULES.has(id)) throw new Error(`standalone validator requires an unknown module "${id}"`);
  return MODULES.get(id);
}
