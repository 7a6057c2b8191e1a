import { apiGroup } from './objectMeta';

/** Kinds whose REST resource is not the guessed plural of the kind. */
const IRREGULAR_RESOURCES: Record<string, string> = { Endpoints: 'endpoints' };

/** The REST resource of a kind, as kubectl guesses it when discovery is absent (lowercase plural). */
export function resourcePlural(kind: string): string {
  const irregular = IRREGULAR_RESOURCES[kind];
  if (irregular) return irregular;
  const singular = kind.toLowerCase();
  if (singular.endsWith('s')) return singular + 'es';
  if (singular.endsWith('y')) return singular.slice(0, -1) + 'ies';
  return singular + 's';
}

/** `deployments.apps`, `services`: the group-qualified resource kubectl and the server name in messages. */
export function groupResource(kind: string, apiVersion: string): string {
  const group = apiGroup(apiVersion);
  return group ? `${resourcePlural(kind)}.${group}` : resourcePlural(kind);
}

/** kubectl's name for an object in its output lines: `deployment.apps/web`, `service/web`. */
export function kubectlResourceName(kind: string, apiVersion: string, name: string): string {
  const group = apiGroup(apiVersion);
  return `${kind.toLowerCase()}${group ? '.' + group : ''}/${name}`;
}
