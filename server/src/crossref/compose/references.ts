import type { ServiceModel } from './composeProject';
import { asScalar, entries, get, int, isFalse, items, str, subOf } from './model';
import type { Origin, YNode } from './tree';

/** What the services of a merged project say about each other. */

export type EdgeVia = 'depends_on' | 'links' | 'volumes_from' | 'network_mode' | 'ipc' | 'pid' | 'uts' | 'cgroup';

/** A dependency from one service on another (compose-go normalize.go turns all of these into depends_on). */
export interface Edge {
  from: string;
  to: string;
  via: EdgeVia;
  /** Where the reference is written (several when files repeat it), with the name's characters. */
  at: Origin;
  sub?: [number, number];
  required: boolean;
  condition?: string;
}

export const NAMESPACES = ['network_mode', 'ipc', 'pid', 'uts', 'cgroup'] as const;

/** Explicit depends_on, one edge per place the dependency is written. */
export function dependsOnEdges(service: ServiceModel): Edge[] {
  const out: Edge[] = [];
  for (const dep of entries(get(service.node, 'depends_on'))) {
    const required = !isFalse(get(dep.value, 'required'));
    const condition = str(get(dep.value, 'condition'));
    for (const at of dep.origins) out.push({ from: service.name, to: dep.key, via: 'depends_on', at, required, ...(condition ? { condition } : {}) });
  }
  return out;
}

// `name`, or the part before ":" in `name:alias` / `name:ro`; sub-range when written as is.
function named(from: string, via: EdgeVia, node: YNode, name: string, offset: number): Edge {
  return { from, to: name, via, at: node.origin, sub: subOf(node, offset, offset + name.length), required: true };
}

/** links, volumes_from and `service:` namespaces: the dependencies Compose adds implicitly. */
export function implicitEdges(service: ServiceModel): Edge[] {
  const out: Edge[] = [];
  for (const link of items(get(service.node, 'links'))) {
    const text = str(link);
    if (!text) continue;
    const parts = text.split(':');
    out.push(named(service.name, 'links', link, parts.length === 2 ? parts[0]! : text, 0));
  }
  for (const from of items(get(service.node, 'volumes_from'))) {
    const text = str(from);
    if (!text || text.startsWith('container:')) continue; // a container outside Compose
    out.push(named(service.name, 'volumes_from', from, text.split(':')[0]!, 0));
  }
  for (const namespace of NAMESPACES) {
    const node = get(service.node, namespace);
    const text = str(node);
    if (node && text?.startsWith('service:')) out.push(named(service.name, namespace, node, text.slice('service:'.length), 'service:'.length));
  }
  return out;
}

export function allEdges(service: ServiceModel): Edge[] {
  return [...dependsOnEdges(service), ...implicitEdges(service)];
}

/** The service's profiles; [] = always enabled; undefined when unknown (unresolved variables). */
export function profilesOf(service: ServiceModel): string[] | undefined {
  const node = get(service.node, 'profiles');
  if (!node) return [];
  if (node.kind !== 'seq') return undefined;
  const out: string[] = [];
  for (const item of node.items) {
    const text = str(item);
    if (text === undefined) return undefined;
    out.push(text);
  }
  return out;
}

/** Whether two services can never run together: both gated, by disjoint profile sets. */
export function exclusiveProfiles(a: ServiceModel, b: ServiceModel): boolean {
  const pa = profilesOf(a);
  const pb = profilesOf(b);
  return !!pa && !!pb && pa.length > 0 && pb.length > 0 && !pa.some((p) => pb.includes(p));
}

/** Replicas from `scale` or `deploy.replicas`, with the node that sets it. */
export function replicas(service: ServiceModel): { count: number; node: YNode; field: string } | undefined {
  for (const [field, node] of [['scale', get(service.node, 'scale')], ['deploy.replicas', get(service.node, 'deploy', 'replicas')]] as const) {
    const count = int(node);
    if (node && count !== undefined) return { count, node, field };
  }
  return undefined;
}

/** Whether Compose attaches the service to networks (not with network_mode or provider). */
export function attachable(service: ServiceModel): boolean {
  return !get(service.node, 'network_mode') && !get(service.node, 'provider');
}

/** The networks a service is attached to; an absent or empty `networks` means `default`. */
export function attachedNetworks(service: ServiceModel): Set<string> {
  if (!attachable(service)) return new Set();
  const names = entries(get(service.node, 'networks')).map((e) => e.key);
  return new Set(names.length ? names : ['default']);
}

/** Whether a scalar is known and written as a string: a guard before reading names. */
export function known(node: YNode | undefined): boolean {
  const scalar = asScalar(node);
  return !!scalar && !scalar.unresolved;
}
