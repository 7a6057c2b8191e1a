import { declarations, findResource, type ComposeProject } from '../composeProject';
import { entries, get, isTrue, items, str } from '../model';
import { cleanPath, parseMount, type Mount } from '../mounts';
import type { Origin } from '../tree';
import { quote, undeclared, type Finding } from './types';

/**
 * CX-VOL-001 volume-undefined: a named volume (type volume with a source) is declared at top
 * level. Short syntax is classified after interpolation, so `${DATA:-./data}:/x` is a bind
 * mount; anonymous volumes, bind, tmpfs, image, npipe and cluster mounts need no declaration.
 */
export function volumeUndefined(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  const candidates = declarations(project, 'volumes');
  for (const service of project.services) {
    for (const item of items(get(service.node, 'volumes'))) {
      const mount = parseMount(item);
      if (mount?.type !== 'volume' || !mount.source || findResource(project, 'volumes', mount.source)) continue;
      const base = {
        code: 'volume-undefined', severity: 'error' as const, at: mount.sourceAt, sub: mount.sourceSub, service: service.name,
        message: `service ${quote(service.name)} refers to undefined volume ${quote(mount.source)}`,
        missing: `volume ${quote(mount.source)}`,
      };
      out.push(undeclared(base, mount.source, candidates, 'volume'));
    }
  }
  return out;
}

/** CX-VOL-002 mount-target-conflict: two mounts (volumes or tmpfs) on one container path, compared after path.Clean. */
export function mountTargetConflict(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  for (const service of project.services) {
    const seen = new Map<string, { at: Origin; label: string }>();
    const mounted = (target: string, at: Origin, label: string) => {
      const clean = cleanPath(target);
      const first = seen.get(clean);
      if (!first) {
        seen.set(clean, { at, label });
        return;
      }
      out.push({
        code: 'mount-target-conflict', severity: 'error', at, service: service.name,
        message: `service ${quote(service.name)}: target ${clean} already mounted as ${first.label}`,
        related: [{ at: first.at, message: `${clean} is first mounted here` }],
      });
    };
    // compose-go checks tmpfs entries first, then volumes
    for (const item of items(get(service.node, 'tmpfs'))) {
      const text = str(item);
      if (text) mounted(text.split(':')[0]!, item.origin, `tmpfs ${quote(text)}`);
    }
    for (const item of items(get(service.node, 'volumes'))) {
      const mount = parseMount(item);
      if (mount?.target) mounted(mount.target, mount.at, `volume ${quote(describe(mount, str(item)))}`);
    }
  }
  return out;
}

function describe(mount: Mount, text: string | undefined): string {
  return text ?? `${mount.source ?? ''}:${mount.target ?? ''}`.replace(/^:/, '');
}

/** CX-VOL-003 unused-volume: a declared volume no service mounts. */
export function unusedVolume(project: ComposeProject): Finding[] {
  if (project.incomplete) return [];
  const used = new Set<string>();
  for (const service of project.services) {
    for (const item of items(get(service.node, 'volumes'))) {
      const mount = parseMount(item);
      if (!mount) return []; // an entry we can't read might use any of them
      if (mount.type === 'volume' && mount.source) used.add(mount.source);
    }
  }
  const out: Finding[] = [];
  for (const volume of entries(get(project.root, 'volumes'))) {
    if (used.has(volume.key) || isTrue(get(volume.value, 'external'))) continue;
    for (const at of volume.origins) {
      out.push({ code: 'unused-volume', severity: 'hint', at, message: `volume ${quote(volume.key)} is declared but no service mounts it` });
    }
  }
  return out;
}
