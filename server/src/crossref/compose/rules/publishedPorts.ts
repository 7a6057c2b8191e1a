import type { ComposeProject, ServiceModel } from '../composeProject';
import { get, items, str } from '../model';
import { parsePort, type PortBinding } from '../ports';
import { exclusiveProfiles, replicas } from '../references';
import { quote, type Finding } from './types';

interface Bound {
  service: ServiceModel;
  binding: PortBinding;
}

function bindings(project: ComposeProject): Bound[] {
  const out: Bound[] = [];
  for (const service of project.services) {
    // with the host's network nothing is published (ports-with-host-network says so)
    if (str(get(service.node, 'network_mode')) === 'host') continue;
    for (const item of items(get(service.node, 'ports'))) {
      const binding = parsePort(item);
      if (binding && binding.published.length > 0) out.push({ service, binding });
    }
  }
  return out;
}

const isV4 = (ip: string) => /^\d+\.\d+\.\d+\.\d+$/.test(ip);
const isV6 = (ip: string) => ip.includes(':');

/** Whether two host IPs share a socket: no IP is every interface; 0.0.0.0 every IPv4 one, :: every IPv6 one. */
function sameSocket(a: string, b: string): boolean {
  if (a === b || a === '' || b === '') return true;
  if (a === '0.0.0.0') return isV4(b);
  if (b === '0.0.0.0') return isV4(a);
  if (a === '::') return isV6(b);
  if (b === '::') return isV6(a);
  return false;
}

/**
 * CX-PRT-001 published-port-conflict: two bindings on one (host IP, host port, protocol).
 * Container-only ports and host ranges Docker picks from never conflict, nor do different
 * protocols, distinct explicit IPs, or services whose profiles never run together.
 */
export function publishedPortConflict(project: ComposeProject): Finding[] {
  const all = bindings(project);
  // only bindings sharing a port and protocol can conflict
  const byPort = new Map<string, Bound[]>();
  for (const bound of all) {
    for (const port of bound.binding.published) {
      const key = `${port}/${bound.binding.protocol}`;
      byPort.set(key, [...(byPort.get(key) ?? []), bound]);
    }
  }
  const out: Finding[] = [];
  for (const a of all) {
    for (const [port, b] of a.binding.published.flatMap((p) => (byPort.get(`${p}/${a.binding.protocol}`) ?? []).map((b) => [p, b] as const))) {
      if (a === b || !sameSocket(a.binding.hostIp, b.binding.hostIp)) continue;
      if (a.service !== b.service && exclusiveProfiles(a.service, b.service)) continue;
      const by = a.service === b.service ? 'another binding of this service' : `service ${quote(b.service.name)}`;
      out.push({
        code: 'published-port-conflict', severity: 'warning', at: a.binding.at, sub: a.binding.sub, service: a.service.name,
        message: `host port ${port}/${a.binding.protocol} is also published by ${by}: the second container fails with "port is already allocated"`,
        related: [{ at: b.binding.at, sub: b.binding.sub, message: `port ${port} published by service ${quote(b.service.name)}` }],
      });
      break; // one conflict per binding is enough to act on
    }
  }
  return out;
}

// Swarm stack files (docker stack deploy): published ports go through the routing mesh by default.
const STACK_FILE = /(^|\/)[^/]*stack[^/]*\.ya?ml$/i;

/**
 * CX-PRT-002 fixed-port-with-replicas: a fixed host port can only be bound by one of several
 * replicas. Not in Swarm stack files, where the ingress routing mesh shares the port among
 * replicas (unless the binding says `mode: host`).
 */
export function fixedPortWithReplicas(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  const swarm = STACK_FILE.test(project.files[0]!.uri.replace(/[?#].*$/, ''));
  for (const { service, binding } of bindings(project)) {
    const scale = replicas(service);
    if (!scale || scale.count <= 1 || (swarm && binding.mode !== 'host') || binding.mode === 'ingress') continue;
    out.push({
      code: 'fixed-port-with-replicas', severity: 'warning', at: binding.at, sub: binding.sub, service: service.name,
      message: `service ${quote(service.name)} publishes host port ${binding.published[0]} with ${scale.field} ${scale.count}: only one replica can bind it; publish a range or only the container port`,
      related: [{ at: scale.node.origin, message: `${scale.field}: ${scale.count}` }],
    });
  }
  return out;
}
