import type { KObject } from '../kobject';
import { apiGroup, apiVersionOf, kindOf, nameOf, namespaceOf } from './objectMeta';

/**
 * The stable key of an object in the live state: group/kind/namespace/name. The version is not part
 * of it (apps/v1 and apps/v1beta1 name the same object); cluster-scoped objects have an empty namespace.
 */
export function identityOf(group: string, kind: string, namespace: string, name: string): string {
  return `${group}/${kind}/${namespace}/${name}`;
}

/** The identity of an object as written (its namespace field as is: set it first for namespaced kinds). */
export function objectIdentity(object: KObject): string {
  return identityOf(apiGroup(apiVersionOf(object)), kindOf(object), namespaceOf(object), nameOf(object));
}
