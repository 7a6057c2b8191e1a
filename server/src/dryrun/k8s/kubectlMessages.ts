import { goJson } from './jsonValue';
import { LAST_APPLIED } from './lastApplied';
import { apiGroup, apiVersionNumber } from './objectMeta';
import { groupResource, kubectlResourceName, resourcePlural } from './resourceName';

/** The text kubectl prints for each outcome of `kubectl apply`, byte for byte where the source is known. */

export type Verb = 'created' | 'configured' | 'unchanged' | 'pruned';

export function verdictLine(kind: string, apiVersion: string, name: string, verb: Verb): string {
  return `${kubectlResourceName(kind, apiVersion, name)} ${verb}`;
}

/** `AddSourceToErr`: the file name is quoted into the server's message when kubectl knows it. */
function withSource(verb: string, file: string | undefined, message: string): string {
  return file ? `error when ${verb} ${JSON.stringify(file)}: ${message}` : message;
}

export function namespaceNotFound(namespace: string, file: string | undefined): string {
  return `Error from server (NotFound): ${withSource('creating', file, `namespaces ${JSON.stringify(namespace)} not found`)}`;
}

export function missingAnnotationWarning(kind: string, apiVersion: string, name: string): string {
  return (
    `Warning: resource ${groupResource(kind, apiVersion)}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. ` +
    'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
    'The missing annotation will be patched automatically.'
  );
}

interface Target {
  kind: string;
  apiVersion: string;
  name: string;
  namespace: string;
}

/** `Resource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"` + name line (resource.Info). */
function describeTarget({ kind, apiVersion, name, namespace }: Target): string {
  const gv = `${apiGroup(apiVersion)}/${apiVersionNumber(apiVersion)}`;
  return `Resource: ${JSON.stringify(`${gv}, Resource=${resourcePlural(kind)}`)}, GroupVersionKind: ${JSON.stringify(`${gv}, Kind=${kind}`)}\nName: ${JSON.stringify(name)}, Namespace: ${JSON.stringify(namespace)}`;
}

/** An admission plugin refused the PATCH (403): kubectl shows the patch, the target and the reason. */
export function patchForbidden(target: Target, patch: unknown, file: string | undefined, reason: string): string {
  const server = `${resourcePlural(target.kind)} ${JSON.stringify(target.name)} is forbidden: ${reason}`;
  const inner = withSource('patching', file, server);
  const head = `applying patch:\n${goJson(patch)}\nto:\n${describeTarget(target)}\nfor:`;
  return `Error from server (Forbidden): ${file ? `error when ${head} ${JSON.stringify(file)}: ${inner}` : inner}`;
}

export function generateNameRefused(prefix: string): string {
  return `error: from ${prefix}: cannot use generate name with apply`;
}

export function typeInfoMissing(file: string | undefined, missing: string[]): string {
  const list = missing.length === 1 ? missing[0]! : `[${missing.join(', ')}]`;
  return `error: error validating ${JSON.stringify(file ?? 'STDIN')}: error validating data: ${list}; if you choose to ignore these errors, turn validation off with --validate=false`;
}

export function nameMissing(target: Target, file: string | undefined): string {
  return `error: error when retrieving current configuration of:\n${describeTarget(target)}\nfrom server for: ${JSON.stringify(file ?? 'STDIN')}: resource name may not be empty`;
}

export function notAnObject(file: string | undefined): string {
  return `error: error validating ${JSON.stringify(file ?? 'STDIN')}: error validating data: the document is not a Kubernetes object (a mapping with apiVersion, kind and metadata.name)`;
}

export function noMatchesForKind(target: Target, file: string | undefined): string {
  return (
    `error: resource mapping not found for name: ${JSON.stringify(target.name)} namespace: ${JSON.stringify(target.namespace)} from ${JSON.stringify(file ?? 'STDIN')}: ` +
    `no matches for kind ${JSON.stringify(target.kind)} in version ${JSON.stringify(target.apiVersion)}\nensure CRDs are installed first`
  );
}

export function lastAppliedUnreadable(kind: string, apiVersion: string, name: string): string {
  return `error: the ${LAST_APPLIED} annotation of ${kubectlResourceName(kind, apiVersion, name)} is not valid JSON: invalid JSON document`;
}

export function invalidSelector(selector: string, reason: string): string {
  return `error: unable to parse requirement: ${JSON.stringify(selector)}: ${reason}`;
}
