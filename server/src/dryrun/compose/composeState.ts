import { parseDocument, stringify } from 'yaml';
import { isRecord } from '../../documents/plainValues';

/**
 * The local state of Compose projects for one environment: what `docker compose ps -a` would
 * show after the `up`s simulated so far. The integrator stores it as YAML in
 * `.shipshape/state/<environment>.compose.yaml`:
 *
 * ```yaml
 * projects:
 *   - name: demo                    # the Compose project name (label com.docker.compose.project)
 *     networks: [demo_default]      # networks the project created (engine names)
 *     volumes: [demo_data]          # named volumes the project created (engine names)
 *     containers:
 *       - name: demo-web-1          # container name
 *         service: web              # label com.docker.compose.service
 *         number: 1                 # label com.docker.compose.container-number
 *         state: running            # running | exited | created | paused | restarting | dead
 *         image: nginx:1.27         # the image reference the container was created from
 *         configHash: 9c1f…         # the simulator's config hash of the service (label com.docker.compose.config-hash)
 *         exitCode: 0               # optional: exit code of an exited container
 *         health: healthy           # optional: healthy | unhealthy | starting (containers with a healthcheck)
 *         oneOff: true              # optional: a `docker compose run` container
 * ```
 *
 * `configHash` is the simulator's own hash of the normalised service (see serviceHash.ts), not
 * Docker's: a state imported from a real engine carries foreign hashes and every container would
 * be recreated. An empty file, or one without `projects`, is an empty environment.
 */

export type ComposeContainerStatus = 'running' | 'exited' | 'created' | 'paused' | 'restarting' | 'dead';

export interface ComposeContainerState {
  name: string;
  service: string;
  number: number;
  state: ComposeContainerStatus;
  configHash: string;
  image: string;
  exitCode?: number;
  health?: 'healthy' | 'unhealthy' | 'starting';
  oneOff?: boolean;
}

export interface ComposeProjectState {
  name: string;
  containers: ComposeContainerState[];
  networks: string[];
  volumes: string[];
}

export interface ComposeState {
  projects: ComposeProjectState[];
}

const STATES: readonly ComposeContainerStatus[] = ['running', 'exited', 'created', 'paused', 'restarting', 'dead'];
const HEALTH = ['healthy', 'unhealthy', 'starting'] as const;

/** A bad value: where it is (`projects[0].containers[1].state`) and what was expected. */
class StateError extends Error {}

function fail(path: string, message: string): never {
  throw new StateError(`${path}: ${message}`);
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? JSON.stringify(value) : typeof value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') fail(path, `expected a non-empty string, got ${describe(value)}`);
  return value;
}

function list(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(path, `expected a list, got ${describe(value)}`);
  return value;
}

function names(value: unknown, path: string): string[] {
  return list(value, path).map((item, i) => text(item, `${path}[${i}]`));
}

function container(value: unknown, path: string): ComposeContainerState {
  if (!isRecord(value)) fail(path, `expected a mapping, got ${describe(value)}`);
  const number = value.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) fail(`${path}.number`, `expected a positive integer, got ${describe(number)}`);
  const state = value.state;
  if (!STATES.includes(state as ComposeContainerStatus)) fail(`${path}.state`, `expected one of ${STATES.join(', ')}, got ${describe(state)}`);
  const out: ComposeContainerState = {
    name: text(value.name, `${path}.name`),
    service: text(value.service, `${path}.service`),
    number,
    state: state as ComposeContainerStatus,
    image: text(value.image, `${path}.image`),
    configHash: text(value.configHash, `${path}.configHash`),
  };
  if (value.exitCode !== undefined) {
    if (typeof value.exitCode !== 'number' || !Number.isInteger(value.exitCode)) fail(`${path}.exitCode`, `expected an integer, got ${describe(value.exitCode)}`);
    out.exitCode = value.exitCode;
  }
  if (value.health !== undefined) {
    if (!HEALTH.includes(value.health as (typeof HEALTH)[number])) fail(`${path}.health`, `expected one of ${HEALTH.join(', ')}, got ${describe(value.health)}`);
    out.health = value.health as (typeof HEALTH)[number];
  }
  if (value.oneOff !== undefined) {
    if (typeof value.oneOff !== 'boolean') fail(`${path}.oneOff`, `expected true or false, got ${describe(value.oneOff)}`);
    out.oneOff = value.oneOff;
  }
  return out;
}

function project(value: unknown, path: string): ComposeProjectState {
  if (!isRecord(value)) fail(path, `expected a mapping, got ${describe(value)}`);
  return {
    name: text(value.name, `${path}.name`),
    containers: list(value.containers, `${path}.containers`).map((c, i) => container(c, `${path}.containers[${i}]`)),
    networks: names(value.networks, `${path}.networks`),
    volumes: names(value.volumes, `${path}.volumes`),
  };
}

/** Reads a state file. Never throws: bad YAML or a bad shape gives one message saying where. */
export function parseComposeState(source: string): { state: ComposeState } | { error: string } {
  const doc = parseDocument(source, { uniqueKeys: true, logLevel: 'error' });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const at = yamlError.linePos?.[0];
    return { error: `invalid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${yamlError.message.split('\n')[0]}` };
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return { state: { projects: [] } };
  try {
    if (!isRecord(value)) fail('state', `expected a mapping with "projects", got ${describe(value)}`);
    const projects = list(value.projects, 'projects').map((p, i) => project(p, `projects[${i}]`));
    const seen = new Set<string>();
    projects.forEach((p, i) => {
      if (seen.has(p.name)) fail(`projects[${i}].name`, `project "${p.name}" is listed twice`);
      seen.add(p.name);
    });
    return { state: { projects } };
  } catch (e) {
    if (e instanceof StateError) return { error: e.message };
    return { error: `unreadable state: ${String(e)}` };
  }
}

function containerOut(c: ComposeContainerState): Record<string, unknown> {
  const out: Record<string, unknown> = { name: c.name, service: c.service, number: c.number, state: c.state, image: c.image, configHash: c.configHash };
  if (c.exitCode !== undefined) out.exitCode = c.exitCode;
  if (c.health !== undefined) out.health = c.health;
  if (c.oneOff) out.oneOff = true;
  return out;
}

/** The order containers are written in: by service, then number, then name. */
export function compareContainers(a: ComposeContainerState, b: ComposeContainerState): number {
  return a.service < b.service ? -1 : a.service > b.service ? 1 : a.number - b.number || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Writes a state file: projects by name, containers by service and number, fixed key order. */
export function serializeComposeState(state: ComposeState): string {
  const projects = [...state.projects]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((p) => ({
      name: p.name,
      networks: [...p.networks].sort(),
      volumes: [...p.volumes].sort(),
      containers: [...p.containers].sort(compareContainers).map(containerOut),
    }));
  return stringify({ projects }, { lineWidth: 0 });
}
