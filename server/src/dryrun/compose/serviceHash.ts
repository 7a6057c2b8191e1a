import { createHash } from 'node:crypto';
import { isRecord } from '../../documents/plainValues';
import type { ServiceConfig } from './normalizeProject';
import { canonicalJson } from '../canonicalJson';

/**
 * The change detector (§8.2): a service's config hash, stored on each container it creates
 * (label com.docker.compose.config-hash). Fields that do not change a container are blanked
 * first: build, pull_policy, scale, deploy.replicas, depends_on, profiles. This is the
 * simulator's own hash (canonical JSON, sha256), comparable only with hashes it computed.
 */

const IGNORED = ['build', 'pull_policy', 'scale', 'depends_on', 'profiles'];
const NAMESPACES = ['network_mode', 'ipc', 'pid', 'uts', 'cgroup'];

/**
 * The hashed form of a service. `identity(x)` names the current first container of service x:
 * Compose hashes `service:x` and `volumes_from: x` resolved to that container's id, so
 * recreating x changes the hash of the services sharing its namespaces or volumes.
 */
export function hashedService(service: ServiceConfig, identity: (service: string) => string): ServiceConfig {
  const out: ServiceConfig = { ...service };
  for (const key of IGNORED) delete out[key];
  if (isRecord(out.deploy)) {
    const { replicas: _replicas, ...deploy } = out.deploy;
    if (Object.keys(deploy).length) out.deploy = deploy;
    else delete out.deploy;
  }
  for (const key of NAMESPACES) {
    const mode = out[key];
    if (typeof mode === 'string' && mode.startsWith('service:')) out[key] = `container:${identity(mode.slice('service:'.length))}`;
  }
  if (Array.isArray(out.volumes_from)) {
    out.volumes_from = out.volumes_from.map((from) => {
      if (typeof from !== 'string' || from.startsWith('container:')) return from;
      const [name, mode] = from.split(':');
      return `container:${identity(name!)}${mode ? `:${mode}` : ''}`;
    });
  }
  return out;
}

/** sha256 of the canonical JSON of the hashed form, in hex. */
export function serviceHash(service: ServiceConfig, identity: (service: string) => string): string {
  return createHash('sha256').update(canonicalJson(hashedService(service, identity))).digest('hex');
}
