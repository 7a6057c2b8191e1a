import { asMap, asScalar, get, str, subOf } from './model';
import type { Origin, YNode } from './tree';

/**
 * Service `ports` entries as host bindings: `[HOST_IP:][HOST_PORT[-END]:]CONTAINER[-END][/PROTO]`
 * or the long syntax. Only fixed host ports matter for conflicts: a container-only port gets a
 * random host port, and a host range for one container port lets Docker pick a free one.
 */
export interface PortBinding {
  /** '' when bound on every interface (no host_ip). */
  hostIp: string;
  /** Fixed host ports; empty when Docker chooses the host port. */
  published: number[];
  protocol: string;
  /** Long syntax `mode` (host or ingress, for Swarm). */
  mode?: string;
  at: Origin;
  /** The host-port characters inside a short-syntax scalar. */
  sub?: [number, number];
}

function range(text: string): [number, number] | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  return end >= start && end - start < 65536 ? [start, end] : undefined;
}

// Host ports bound for a host spec and a container spec; [] when Docker picks.
function fixedPorts(host: string, container: string): number[] {
  const h = range(host);
  const c = range(container);
  if (!h || !c) return [];
  const hostCount = h[1] - h[0] + 1;
  if (hostCount > 1 && hostCount !== c[1] - c[0] + 1) return [];
  return Array.from({ length: hostCount }, (_, i) => h[0] + i);
}

function stripBrackets(ip: string): string {
  return ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
}

/** Reads one `ports` list item; undefined for unknown values (unresolved variables, bad shape). */
export function parsePort(node: YNode): PortBinding | undefined {
  const map = asMap(node);
  if (map) {
    const publishedNode = get(map, 'published');
    const target = str(get(map, 'target'));
    const published = str(publishedNode);
    if (target === undefined || asScalar(publishedNode)?.unresolved || asScalar(get(map, 'host_ip'))?.unresolved) return undefined;
    return {
      hostIp: stripBrackets(str(get(map, 'host_ip')) ?? ''),
      published: published ? fixedPorts(published, target) : [],
      protocol: (str(get(map, 'protocol')) ?? 'tcp').toLowerCase(),
      mode: str(get(map, 'mode')),
      at: asScalar(publishedNode)?.origin ?? map.origin,
    };
  }
  const scalar = asScalar(node);
  if (!scalar || scalar.unresolved) return undefined;
  if (typeof scalar.value === 'number') return { hostIp: '', published: [], protocol: 'tcp', at: scalar.origin };
  if (typeof scalar.value !== 'string') return undefined;
  let spec = scalar.value;
  let protocol = 'tcp';
  const slash = spec.lastIndexOf('/');
  if (slash >= 0) {
    protocol = spec.slice(slash + 1).toLowerCase();
    spec = spec.slice(0, slash);
  }
  const parts = spec.split(':');
  const container = parts[parts.length - 1]!;
  if (parts.length === 1) return { hostIp: '', published: [], protocol, at: scalar.origin };
  const host = parts[parts.length - 2]!;
  const ip = parts.length > 2 ? parts.slice(0, -2).join(':') : '';
  const hostStart = parts.length > 2 ? ip.length + 1 : 0;
  return {
    hostIp: stripBrackets(ip),
    published: fixedPorts(host, container),
    protocol,
    at: scalar.origin,
    sub: host ? subOf(scalar, hostStart, hostStart + host.length) : undefined,
  };
}
