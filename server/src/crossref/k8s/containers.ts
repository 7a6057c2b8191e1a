import type { PathSegment } from '../../documents/yamlPath';
import { closestMatches } from '../../validation/suggest';
import { isRecord, type K8sObject, type PodTemplate } from './k8sObject';

export const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;

export interface ContainerAt {
  container: Record<string, unknown>;
  /** Path of the container, relative to the object. */
  path: PathSegment[];
  list: (typeof CONTAINER_LISTS)[number];
  name: string | undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The containers of a pod template with their paths (odd entries skipped). */
export function containersOf(template: PodTemplate, lists: readonly ContainerAt['list'][] = CONTAINER_LISTS): ContainerAt[] {
  const out: ContainerAt[] = [];
  for (const listName of lists) {
    list(template.spec[listName]).forEach((container, i) => {
      if (!isRecord(container)) return;
      const name = typeof container.name === 'string' ? container.name : undefined;
      out.push({ container, path: [...template.path, 'spec', listName, i], list: listName, name });
    });
  }
  return out;
}

export interface ContainerPort {
  name: string | undefined;
  containerPort: unknown;
  protocol: string;
  hostPort: unknown;
  hostIP: unknown;
  path: PathSegment[];
}

/** A container's `ports[]` (protocol defaulted to TCP). */
export function portsOf(at: ContainerAt): ContainerPort[] {
  const out: ContainerPort[] = [];
  list(at.container.ports).forEach((port, i) => {
    if (!isRecord(port)) return;
    out.push({
      name: typeof port.name === 'string' ? port.name : undefined,
      containerPort: port.containerPort,
      protocol: typeof port.protocol === 'string' ? port.protocol : 'TCP',
      hostPort: port.hostPort,
      hostIP: port.hostIP,
      path: [...at.path, 'ports', i],
    });
  });
  return out;
}

/** An IntOrString port as written: a number (or digits-only string) or a port name. */
export function portValue(value: unknown): { number: number } | { name: string } | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return { number: value };
  if (typeof value === 'string' && /^\d+$/.test(value)) return { number: Number(value) };
  if (typeof value === 'string' && value !== '') return { name: value };
  return undefined;
}

/** A container port of a pod template, with the object that carries the template. */
export interface DeclaredPort {
  name: string | undefined;
  number: unknown;
  protocol: string;
  owner: K8sObject;
  /** Path of the port entry, relative to the owner. */
  path: PathSegment[];
}

/** Every container port of some pod templates; init containers count (native sidecars serve ports too). */
export function declaredPorts(sources: Iterable<{ object: K8sObject; template: PodTemplate }>): DeclaredPort[] {
  const out: DeclaredPort[] = [];
  for (const { object: owner, template } of sources) {
    for (const container of containersOf(template, ['containers', 'initContainers'])) {
      for (const p of portsOf(container)) out.push({ name: p.name, number: p.containerPort, protocol: p.protocol, owner, path: p.path });
    }
  }
  return out;
}

/**
 * For a port name that no declared port has: the closest declared name ("did you mean"), and
 * the port to point at: the one with that name (else with `fallback`'s name), else the first.
 */
export function nearestPortName(ports: readonly DeclaredPort[], name: string, fallback?: string): { guess: string | undefined; near: DeclaredPort | undefined } {
  const [guess] = closestMatches(name, ports.flatMap((port) => (port.name ? [port.name] : [])));
  const wanted = guess ?? fallback;
  return { guess, near: ports.find((port) => port.name === wanted) ?? ports[0] };
}
