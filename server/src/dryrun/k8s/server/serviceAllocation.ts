import type { KObject } from '../../kobject';
import { child, isRecord, records, jsonEqual, type JsonMap } from '../jsonValue';
import type { LiveState } from '../liveState';
import { objectIdentity } from '../objectIdentity';
import { fieldPath, invalid, type FieldError } from '../validation/fieldError';

/**
 * What the Service registry does besides validation: allocate cluster IPs from 10.96.0.0/12 and node
 * ports from 30000–32767 (deterministically: a hash of the Service's identity, then the next free
 * value), keep allocated values a manifest omits (`patchAllocatedValues`, `normalizeClusterIPs`) and
 * drop values the new type no longer needs (`dropTypeDependentFields`).
 */

const SERVICE_CIDR = '10.96.0.0/12';
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

function needsClusterIP(spec: JsonMap): boolean {
  return spec.type !== 'ExternalName';
}

function needsNodePort(spec: JsonMap): boolean {
  return spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
}

function hash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function numberToIp(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

function otherServices(state: LiveState, identity: string): JsonMap[] {
  return state.ofKind('Service').filter((s) => objectIdentity(s) !== identity).map((s) => (isRecord(s.spec) ? s.spec : {}));
}

function usedIPs(state: LiveState, identity: string): Set<string> {
  const used = new Set<string>(['10.96.0.1', '10.96.0.10']); // the kubernetes and kube-dns Services
  for (const spec of otherServices(state, identity)) {
    if (typeof spec.clusterIP === 'string') used.add(spec.clusterIP);
    for (const ip of Array.isArray(spec.clusterIPs) ? spec.clusterIPs : []) used.add(String(ip));
  }
  return used;
}

function usedNodePorts(state: LiveState, identity: string): Set<number> {
  const used = new Set<number>();
  for (const spec of otherServices(state, identity)) for (const port of records(spec.ports)) if (typeof port.nodePort === 'number') used.add(port.nodePort);
  return used;
}

function allocateIP(identity: string, used: Set<string>): string {
  // Offsets 1 … size-2: neither the network nor the broadcast address.
  const span = CIDR_SIZE - 2;
  const start = hash(identity) % span;
  for (let i = 0; i < span; i++) {
    const ip = numberToIp((CIDR_BASE + 1 + ((start + i) % span)) >>> 0);
    if (!used.has(ip)) return ip;
  }
  return numberToIp(CIDR_BASE + 2);
}

function allocateNodePort(seed: string, used: Set<number>): number {
  const span = NODE_PORT_MAX - NODE_PORT_MIN + 1;
  const start = hash(seed) % span;
  for (let i = 0; i < span; i++) {
    const port = NODE_PORT_MIN + ((start + i) % span);
    if (!used.has(port)) return port;
  }
  return NODE_PORT_MIN;
}

/** Allocation for a create, or for an update after `keepAllocatedValues`; returns allocation failures. */
export function allocateServiceValues(service: KObject, identity: string, state: LiveState, old?: JsonMap): FieldError[] {
  const spec = child(service, 'spec');
  const errors: FieldError[] = [];
  if (needsClusterIP(spec)) {
    if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && !Array.isArray(spec.clusterIPs)) spec.clusterIPs = [spec.clusterIP];
    const requested = typeof spec.clusterIP === 'string' && spec.clusterIP !== '' ? spec.clusterIP : undefined;
    if (!requested) {
      const ip = allocateIP(identity, usedIPs(state, identity));
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    } else if (requested !== 'None' && requested !== old?.clusterIP) {
      const value = ipToNumber(requested);
      if (value === undefined || value < CIDR_BASE || value >= CIDR_BASE + CIDR_SIZE) {
        errors.push(invalid('spec.clusterIPs', spec.clusterIPs, `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`));
      } else if (usedIPs(state, identity).has(requested)) {
        errors.push(invalid('spec.clusterIPs', spec.clusterIPs, `failed to allocate IP ${requested}: provided IP is already allocated`));
      }
    }
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
  }
  const ports = records(spec.ports);
  if (needsNodePort(spec)) {
    const used = usedNodePorts(state, identity);
    const oldPorts = new Set(records(old?.ports).map((p) => p.nodePort));
    ports.forEach((port, i) => {
      if (typeof port.nodePort !== 'number' || port.nodePort === 0) {
        port.nodePort = allocateNodePort(`${identity}:${String(port.name ?? '')}:${String(port.port)}`, used);
      } else if (!oldPorts.has(port.nodePort)) {
        if (port.nodePort < NODE_PORT_MIN || port.nodePort > NODE_PORT_MAX) {
          errors.push(invalid(fieldPath('spec', 'ports', i, 'nodePort'), port.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`));
        } else if (used.has(port.nodePort)) {
          errors.push(invalid(fieldPath('spec', 'ports', i, 'nodePort'), port.nodePort, 'provided port is already allocated'));
        }
      }
      used.add(port.nodePort as number);
    });
  }
  return errors;
}

/** `patchAllocatedValues` + `normalizeClusterIPs`: an update keeps what was allocated unless the manifest changes it. */
export function keepAllocatedValues(spec: JsonMap, old: JsonMap): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (spec.clusterIP === undefined || spec.clusterIP === '') spec.clusterIP = old.clusterIP;
    if (!Array.isArray(spec.clusterIPs) && Array.isArray(old.clusterIPs)) spec.clusterIPs = old.clusterIPs;
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const byName = new Map(records(old.ports).map((p) => [String(p.name ?? ''), p.nodePort]));
    const newPorts = new Set(records(spec.ports).map((p) => p.nodePort));
    const inBoth = new Set(records(old.ports).map((p) => p.nodePort).filter((p) => newPorts.has(p)));
    for (const port of records(spec.ports)) {
      const previous = byName.get(String(port.name ?? ''));
      if ((port.nodePort === undefined || port.nodePort === 0) && previous !== undefined && !inBoth.has(previous)) port.nodePort = previous;
    }
  }
  if (old.clusterIP !== spec.clusterIP && typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && jsonEqual(old.clusterIPs, spec.clusterIPs)) {
    spec.clusterIPs = [spec.clusterIP]; // clusterIP changed alone: the plural follows (and validation judges it)
  }
}

/** `dropTypeDependentFields`: switching type clears the values it allocated, when the manifest did not touch them. */
export function dropTypeDependentFields(service: KObject, old: JsonMap): void {
  const spec = child(service, 'spec');
  if (needsClusterIP(old) && !needsClusterIP(spec) && jsonEqual(old.clusterIPs, spec.clusterIPs)) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  }
  if (!needsClusterIP(spec) && jsonEqual(old.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
  if (!needsClusterIP(spec) && old.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  const oldNodePorts = records(old.ports).map((p) => p.nodePort);
  if (needsNodePort(old) && !needsNodePort(spec) && jsonEqual(oldNodePorts, records(spec.ports).map((p) => p.nodePort))) {
    for (const port of records(spec.ports)) delete port.nodePort;
  }
  if (old.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (old.allocateLoadBalancerNodePorts === spec.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (old.loadBalancerClass === spec.loadBalancerClass) delete spec.loadBalancerClass;
    if (old.healthCheckNodePort === spec.healthCheckNodePort) delete spec.healthCheckNodePort;
  }
  const external = (s: JsonMap) => s.type === 'NodePort' || s.type === 'LoadBalancer' || (Array.isArray(s.externalIPs) && s.externalIPs.length > 0);
  if (external(old) && !external(spec) && old.externalTrafficPolicy === spec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  if (spec.type !== 'LoadBalancer') child(service, 'status').loadBalancer = {};
}
