import { child, isRecord, records, type JsonMap } from '../jsonValue';

/**
 * The PodSpec and Container defaults the API server fills in (core/v1 `SetDefaults_PodSpec`,
 * `SetDefaults_Container`, probes, volumes, env field refs), wherever a pod spec is embedded.
 * Idempotent: defaulting a stored object again changes nothing.
 */

export function defaultPodTemplate(template: JsonMap): void {
  defaultPodSpec(child(template, 'spec'));
}

export function defaultPodSpec(spec: JsonMap): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  // v1 keeps the deprecated serviceAccount mirrored with serviceAccountName.
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccount === undefined) spec.serviceAccount = spec.serviceAccountName;
  else if (typeof spec.serviceAccount === 'string' && spec.serviceAccountName === undefined) spec.serviceAccountName = spec.serviceAccount;
  for (const container of [...records(spec.initContainers), ...records(spec.containers)]) {
    defaultContainer(container, spec.hostNetwork === true);
  }
  for (const volume of records(spec.volumes)) defaultVolume(volume);
}

export function defaultContainer(container: JsonMap, hostNetwork = false): void {
  if (container.imagePullPolicy === undefined && typeof container.image === 'string') {
    container.imagePullPolicy = imageTag(container.image) === 'latest' ? 'Always' : 'IfNotPresent';
  }
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  container.resources ??= {};
  for (const port of records(container.ports)) {
    port.protocol ??= 'TCP';
    if (hostNetwork && port.hostPort === undefined) port.hostPort = port.containerPort;
  }
  for (const env of records(container.env)) {
    const fieldRef = isRecord(env.valueFrom) ? env.valueFrom.fieldRef : undefined;
    if (isRecord(fieldRef)) fieldRef.apiVersion ??= 'v1';
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const value = container[probe];
    if (!isRecord(value)) continue;
    value.timeoutSeconds ??= 1;
    value.periodSeconds ??= 10;
    value.successThreshold ??= 1;
    value.failureThreshold ??= 3;
    defaultHandler(value);
  }
  if (isRecord(container.lifecycle)) {
    for (const hook of ['postStart', 'preStop']) if (isRecord(container.lifecycle[hook])) defaultHandler(container.lifecycle[hook] as JsonMap);
  }
}

function defaultHandler(handler: JsonMap): void {
  if (isRecord(handler.httpGet)) handler.httpGet.scheme ??= 'HTTP';
}

const MODE_DEFAULTED_SOURCES = ['configMap', 'secret', 'downwardAPI', 'projected'];

function defaultVolume(volume: JsonMap): void {
  for (const source of MODE_DEFAULTED_SOURCES) {
    const value = volume[source];
    if (isRecord(value)) value.defaultMode ??= 420;
  }
  if (isRecord(volume.hostPath)) volume.hostPath.type ??= '';
}

/** The tag of an image reference (`latest` when it has neither tag nor digest), as `parsers.ParseImageName`. */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(':');
  const tag = colon > name.lastIndexOf('/') ? name.slice(colon + 1) : '';
  return tag || (at >= 0 ? '' : 'latest');
}
