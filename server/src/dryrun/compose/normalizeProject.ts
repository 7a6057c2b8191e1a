import { isRecord } from '../../documents/plainValues';
import { interpolateProject } from './interpolateProject';
import { normalizePorts, normalizeVolumes } from './shortSyntax';

/**
 * `docker compose config` normalisation (§8.1) of a merged project given as plain JS with
 * strings as written: interpolation, then per service the long forms Compose computes with,
 * implicit dependencies, the default network and profile selection. Pure: files that Compose
 * would read (`env_file`, `.env`) are not read here; paths stay relative.
 */

export type ServiceConfig = Record<string, unknown>;

export interface DependencyConfig {
  condition: string;
  required: boolean;
  restart?: boolean;
}

export interface NormalizedProject {
  name: string;
  /** Services enabled by the active profiles (COMPOSE_PROFILES), normalised. */
  services: Record<string, ServiceConfig>;
  /** Services left out by profiles: the profiles that would enable them. */
  disabled: Record<string, string[]>;
  /** Expected container count per enabled service: scale > deploy.replicas > 1. */
  replicas: Record<string, number>;
  /** Top-level networks and volumes, each with its engine `name`. */
  networks: Record<string, Record<string, unknown>>;
  volumes: Record<string, Record<string, unknown>>;
  /** What `docker compose config` prints: `name` first, keys sorted, unused networks/volumes dropped. */
  model: Record<string, unknown>;
}

export interface NormalizeResult {
  project: NormalizedProject;
  /** Load errors: `up` changes nothing when there is one. */
  errors: string[];
  warnings: string[];
}

const NAMESPACES = ['network_mode', 'ipc', 'pid', 'uts', 'cgroup'];

function int(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `[K=V, K]` or `{K: V}` to a map of strings; a bare `K` takes its value from the environment (or stays null). */
function keyValues(value: unknown, env: Readonly<Record<string, string>>, resolve: boolean): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const set = (key: string, v: string | null): void => {
    const resolved = v === null && resolve && Object.prototype.hasOwnProperty.call(env, key) ? env[key]! : v;
    Object.defineProperty(out, key, { value: resolved, enumerable: true, writable: true, configurable: true });
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item !== 'string') continue;
      const eq = item.indexOf('=');
      if (eq < 0) set(item, null);
      else set(item.slice(0, eq), item.slice(eq + 1));
    }
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) set(k, asText(v));
  }
  return out;
}

function dependencies(raw: unknown): Record<string, DependencyConfig> {
  const out: Record<string, DependencyConfig> = {};
  const entries: [string, unknown][] = Array.isArray(raw) ? raw.filter((d): d is string => typeof d === 'string').map((d) => [d, null]) : isRecord(raw) ? Object.entries(raw) : [];
  for (const [name, config] of entries) {
    const c = isRecord(config) ? config : {};
    const dep: DependencyConfig = { condition: typeof c.condition === 'string' ? c.condition : 'service_started', required: bool(c.required) ?? true };
    if (bool(c.restart)) dep.restart = true;
    out[name] = dep;
  }
  return out;
}

// links, `service:x` namespaces and volumes_from add dependencies Compose infers (setIfMissing).
function implicitDependencies(service: ServiceConfig, deps: Record<string, DependencyConfig>): void {
  const add = (name: string, restart: boolean): void => {
    if (name && !Object.prototype.hasOwnProperty.call(deps, name)) deps[name] = { condition: 'service_started', required: true, ...(restart ? { restart: true } : {}) };
  };
  if (Array.isArray(service.links)) for (const link of service.links) if (typeof link === 'string') add(link.split(':')[0]!, true);
  for (const key of NAMESPACES) {
    const mode = service[key];
    if (typeof mode === 'string' && mode.startsWith('service:')) add(mode.slice('service:'.length), true);
  }
  if (Array.isArray(service.volumes_from)) {
    for (const from of service.volumes_from) if (typeof from === 'string' && !from.startsWith('container:')) add(from.split(':')[0]!, false);
  }
}

function serviceNetworks(raw: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (Array.isArray(raw)) for (const n of raw) if (typeof n === 'string') out[n] = null;
  if (isRecord(raw)) for (const [k, v] of Object.entries(raw)) out[k] = isRecord(v) && Object.keys(v).length === 0 ? null : v;
  return out;
}

function normalizeService(name: string, raw: unknown, env: Readonly<Record<string, string>>, errors: string[]): { service: ServiceConfig; replicas: number } {
  const service: ServiceConfig = isRecord(raw) ? { ...raw } : {};
  const deps = dependencies(service.depends_on);
  implicitDependencies(service, deps);
  if (Object.keys(deps).length) service.depends_on = deps;
  else delete service.depends_on;
  if (service.network_mode === undefined) service.networks = service.networks === undefined ? { default: null } : serviceNetworks(service.networks);
  if (service.environment !== undefined) service.environment = keyValues(service.environment, env, true);
  if (service.labels !== undefined) service.labels = keyValues(service.labels, env, false);
  if (service.pull_policy === 'if_not_present') service.pull_policy = 'missing';
  if (service.build !== undefined) {
    const build = typeof service.build === 'string' ? { context: service.build } : isRecord(service.build) ? service.build : {};
    service.build = { context: '.', dockerfile: 'Dockerfile', ...build };
  }
  if (Array.isArray(service.ports)) service.ports = normalizePorts(service.ports);
  if (Array.isArray(service.volumes)) service.volumes = normalizeVolumes(service.volumes);
  if (typeof service.profiles === 'string') service.profiles = [service.profiles];

  const scale = int(service.scale);
  const deploy = isRecord(service.deploy) ? service.deploy : undefined;
  const deployReplicas = int(deploy?.replicas);
  if (scale !== undefined && deployReplicas !== undefined && scale !== deployReplicas) {
    errors.push(`services.${name}: can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project`);
  }
  const replicas = Math.max(0, scale ?? deployReplicas ?? 1);
  if (service.image === undefined && service.build === undefined) {
    errors.push(`service "${name}" has neither an image nor a build context specified: invalid compose project`);
  }
  if (typeof service.container_name === 'string' && replicas > 1) {
    errors.push(
      `The "${name}" service is using the custom container name "${service.container_name}". Docker requires each container to have a unique name. Remove the custom name to scale the service`,
    );
  }
  return { service, replicas };
}

/** Profiles named in COMPOSE_PROFILES (comma-separated; `*` enables every profile). */
export function activeProfiles(env: Readonly<Record<string, string>>): string[] {
  return (env.COMPOSE_PROFILES ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

// Top-level networks/volumes with their engine names: `<project>_<key>` unless `name:` or external.
function resources(raw: unknown, project: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(isRecord(raw) ? raw : {})) {
    const config = isRecord(value) ? { ...value } : {};
    const external = bool(config.external) === true || isRecord(config.external);
    if (typeof config.name !== 'string') config.name = external ? key : `${project}_${key}`;
    out[key] = config;
  }
  return out;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]!]));
}

/** Interpolates and normalises a project value (strings as written) for the given environment. */
export function normalizeComposeProject(value: Record<string, unknown>, name: string, environment: Readonly<Record<string, string>> = {}): NormalizeResult {
  const interpolated = interpolateProject(value, environment);
  const errors = [...interpolated.errors];
  const root = interpolated.value;
  const active = activeProfiles(environment);
  const services: Record<string, ServiceConfig> = {};
  const disabled: Record<string, string[]> = {};
  const replicas: Record<string, number> = {};
  for (const serviceName of Object.keys(isRecord(root.services) ? root.services : {}).sort()) {
    const raw = (root.services as Record<string, unknown>)[serviceName];
    const profiles = isRecord(raw) ? raw.profiles : undefined;
    const list = typeof profiles === 'string' ? [profiles] : Array.isArray(profiles) ? profiles.filter((p): p is string => typeof p === 'string') : [];
    if (list.length > 0 && !active.includes('*') && !list.some((p) => active.includes(p))) {
      disabled[serviceName] = list;
      continue;
    }
    const result = normalizeService(serviceName, raw, environment, errors);
    services[serviceName] = result.service;
    replicas[serviceName] = result.replicas;
  }
  const networks = resources(root.networks, name);
  const usesDefault = Object.values(services).some((s) => isRecord(s.networks) && 'default' in s.networks);
  if (usesDefault && !networks.default) networks.default = { name: `${name}_default` };
  const volumes = resources(root.volumes, name);

  const usedNetworks = new Set(Object.values(services).flatMap((s) => (isRecord(s.networks) ? Object.keys(s.networks) : [])));
  const usedVolumes = new Set(Object.values(services).flatMap((s) => (Array.isArray(s.volumes) ? s.volumes.map((v) => (isRecord(v) ? v.source : undefined)) : [])));
  const parts: Record<string, unknown> = {};
  for (const key of Object.keys(root)) if (key !== 'name') parts[key] = root[key];
  parts.services = Object.fromEntries(Object.entries(services).map(([k, s]) => [k, sortKeys(s)]));
  const keptNetworks = Object.fromEntries(Object.entries(networks).filter(([k]) => usedNetworks.has(k)));
  const keptVolumes = Object.fromEntries(Object.entries(volumes).filter(([k]) => usedVolumes.has(k)));
  delete parts.networks;
  delete parts.volumes;
  if (Object.keys(keptNetworks).length) parts.networks = sortKeys(keptNetworks);
  if (Object.keys(keptVolumes).length) parts.volumes = sortKeys(keptVolumes);
  const model: Record<string, unknown> = { name, ...sortKeys(parts) };
  return { project: { name, services, disabled, replicas, networks, volumes, model }, errors, warnings: interpolated.warnings };
}
