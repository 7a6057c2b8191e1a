import { isRecord } from '../../documents/plainValues';

/**
 * `ports` and `volumes` short syntax to the long syntax `docker compose config` prints (§8.1),
 * so that writing the same port or mount either way gives the same config hash. Items we cannot
 * read are kept as written (the validator reports them).
 */

function portRange(text: string): [number, number] | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  return end >= start ? [start, end] : undefined;
}

function portEntry(target: number, published: string | undefined, protocol: string, hostIp: string): Record<string, unknown> {
  const out: Record<string, unknown> = { mode: 'ingress', target };
  if (published !== undefined) out.published = published;
  out.protocol = protocol;
  if (hostIp) out.host_ip = hostIp;
  return out;
}

// `[HOST_IP:][HOST[-END]:]CONTAINER[-END][/PROTO]`; undefined when unreadable.
function shortPort(spec: string): Record<string, unknown>[] | undefined {
  let rest = spec;
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
  }
  let hostIp = '';
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']:');
    if (close < 0) return undefined;
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  const container = portRange(parts.pop()!);
  const hostText = parts.pop() ?? '';
  if (parts.length > 0) hostIp = parts.join(':');
  if (!container) return undefined;
  const host = hostText === '' ? undefined : portRange(hostText);
  if (hostText !== '' && !host) return undefined;
  const count = container[1] - container[0] + 1;
  if (!host) return Array.from({ length: count }, (_, i) => portEntry(container[0] + i, undefined, protocol, hostIp));
  const hostCount = host[1] - host[0] + 1;
  if (count === 1) return [portEntry(container[0], hostCount === 1 ? String(host[0]) : `${host[0]}-${host[1]}`, protocol, hostIp)];
  if (hostCount !== count) return undefined;
  return Array.from({ length: count }, (_, i) => portEntry(container[0] + i, String(host[0] + i), protocol, hostIp));
}

function longPort(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...item, mode: item.mode ?? 'ingress', protocol: item.protocol ?? 'tcp' };
  if (typeof item.target === 'string' && /^\d+$/.test(item.target)) out.target = Number(item.target);
  if (typeof item.published === 'number') out.published = String(item.published);
  return out;
}

/** `ports` in long syntax: one entry per container port, `published` as a string, tcp/ingress defaults. */
export function normalizePorts(ports: unknown[]): unknown[] {
  return ports.flatMap((item): unknown[] => {
    if (isRecord(item)) return [longPort(item)];
    if (typeof item === 'number' && Number.isInteger(item)) return [portEntry(item, undefined, 'tcp', '')];
    if (typeof item !== 'string') return [item];
    return shortPort(item) ?? [item];
  });
}

function isHostPath(source: string): boolean {
  return source.startsWith('.') || source.startsWith('/') || source.startsWith('~');
}

// `[SOURCE:]TARGET[:MODE]`.
function shortVolume(spec: string): Record<string, unknown> {
  const parts = spec.split(':');
  if (parts.length === 1) return { type: 'volume', target: spec, volume: {} };
  const [source, target, modes] = parts as [string, string, string | undefined];
  const bind: Record<string, unknown> = { create_host_path: true };
  const volume: Record<string, unknown> = {};
  const out: Record<string, unknown> = isHostPath(source) ? { type: 'bind', source, target, bind } : { type: 'volume', source, target, volume };
  for (const mode of (modes ?? '').split(',').filter(Boolean)) {
    if (mode === 'ro') out.read_only = true;
    else if (mode === 'z' || mode === 'Z') bind.selinux = mode;
    else if (mode === 'nocopy') volume.nocopy = true;
    else if (mode !== 'rw') out.consistency = mode;
  }
  return out;
}

/** `volumes` in long syntax: binds get `create_host_path: true`, named volumes `volume: {}`. */
export function normalizeVolumes(volumes: unknown[]): unknown[] {
  return volumes.map((item) => (typeof item === 'string' && item !== '' ? shortVolume(item) : item));
}

/** The named volume a mount uses (long syntax after normalizeVolumes), if any. */
export function namedVolume(mount: unknown): string | undefined {
  return isRecord(mount) && mount.type === 'volume' && typeof mount.source === 'string' && mount.source !== '' ? mount.source : undefined;
}
