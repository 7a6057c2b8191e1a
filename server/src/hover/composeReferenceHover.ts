import type { ManifestFile } from '../documents/manifestFile';
import type { PathSegment } from '../documents/yamlPath';
import { findResource, findService, type ComposeProject } from '../crossref/compose/composeProject';
import { serviceSites, type Site } from '../crossref/compose/navigationSites';
import { originOffsets } from '../crossref/compose/location';
import type { Origin } from '../crossref/compose/tree';
import { code, link } from './hoverMarkdown';

const WORDS: Record<Site['kind'], string> = { service: 'service', networks: 'network', volumes: 'volume', secrets: 'secret', configs: 'config' };

function samePath(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  return a.length === b.length && a.every((s, i) => String(s) === String(b[i]));
}

function place(origin: Origin): string {
  const file = origin.src.file;
  const [start] = originOffsets(origin);
  const at = file.lines.positionAt(start);
  const name = decodeURIComponent(file.uri.slice(file.uri.lastIndexOf('/') + 1));
  return link(`${name}:${at.line + 1}`, `${file.uri}#L${at.line + 1},${at.character + 1}`);
}

/**
 * On a Compose reference (depends_on, links, `service:` namespaces, a service's networks,
 * volumes, secrets and configs): where the project declares the name, or that it does not.
 */
export function composeReferenceSection(project: ComposeProject, file: ManifestFile, docIndex: number, path: readonly PathSegment[], on: 'key' | 'value'): string | undefined {
  if (path[0] !== 'services' || typeof path[1] !== 'string' || path.length < 4) return undefined;
  const service = findService(project, path[1]);
  if (!service) return undefined;
  const site = serviceSites(service.name, service.node, service.decl).find(
    (s) => !s.file && s.at.src.file.uri === file.uri && s.at.src.doc === docIndex && s.at.on === on && samePath(s.at.path, path),
  );
  if (!site) return undefined;
  const word = WORDS[site.kind];
  const origins = site.kind === 'service' ? findService(project, site.name)?.decl.origins : findResource(project, site.kind, site.name)?.origins;
  if (!origins?.length) {
    if (site.kind === 'networks' && site.name === 'default') return `→ the project's default network (created by Compose).`;
    return `**Not found**: no ${word} ${code(site.name)} is declared in this Compose project.`;
  }
  return origins.map((o) => `→ ${word} ${code(site.name)} · declared in ${place(o)}`).join('  \n');
}
