import { child, isRecord, records, type JsonMap } from '../jsonValue';
import { defaultPodSpec, defaultPodTemplate } from './podDefaults';

/** core/v1 defaults for the kinds the dry run models (`SetDefaults_Service`, `_Namespace`, `_Secret`, …). */

export function defaultService(object: JsonMap): void {
  const spec = child(object, 'spec');
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const clientIP = child(child(spec, 'sessionAffinityConfig'), 'clientIP');
    clientIP.timeoutSeconds ??= 10800;
  }
  spec.type ??= 'ClusterIP';
  for (const port of records(spec.ports)) {
    port.protocol ??= 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  const externallyAccessible = spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  if (externallyAccessible) spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  const status = child(object, 'status');
  status.loadBalancer ??= {};
}

export function defaultNamespace(object: JsonMap): void {
  const metadata = child(object, 'metadata');
  if (typeof metadata.name === 'string') child(metadata, 'labels')['kubernetes.io/metadata.name'] = metadata.name;
  const spec = child(object, 'spec');
  spec.finalizers ??= ['kubernetes'];
  child(object, 'status').phase ??= 'Active';
}

/** The server turns write-only `stringData` into base64 `data`, then defaults the type. */
export function defaultSecret(object: JsonMap): void {
  if (isRecord(object.stringData)) {
    const data = child(object, 'data');
    for (const [key, value] of Object.entries(object.stringData)) {
      if (value !== null && value !== undefined) data[key] = Buffer.from(String(value), 'utf8').toString('base64');
    }
  }
  delete object.stringData;
  object.type ??= 'Opaque';
}

export function defaultPersistentVolumeClaim(object: JsonMap): void {
  // status.phase is the binder's to set: the dry run treats claims without a phase as Bound.
  child(object, 'spec').volumeMode ??= 'Filesystem';
}

export function defaultPod(object: JsonMap): void {
  const spec = child(object, 'spec');
  defaultPodSpec(spec);
  spec.enableServiceLinks ??= true;
}

export function defaultReplicationController(object: JsonMap): void {
  const spec = child(object, 'spec');
  spec.replicas ??= 1;
  if (isRecord(spec.template)) defaultPodTemplate(spec.template);
}
