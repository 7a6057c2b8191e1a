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

/** Whether standalone code can run with what the bundle provides (every module it requires). */
export function canProvide(code: string): boolean {
  return [...code.matchAll(/\brequire\("([^"]+)"\)/g)].every((m) => MODULES.has(m[1]!));
}

/** The `require` that standalone validator code is run with. */
export function standaloneRequire(id: string): unknown {
  if (!MODULES.has(id)) throw new Error(`standalone validator requires an unknown module "${id}"`);
  return MODULES.get(id);
}
