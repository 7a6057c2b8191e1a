import { containersOf, list } from '../containers';
import { isRecord, type K8sObject, type PodTemplate } from '../k8sObject';
import type { K8sRule, RuleFinding } from '../ruleContext';

function volumeNames(template: PodTemplate): Array<{ name: string; index: number }> {
  return list(template.spec.volumes).flatMap((v, index) => (isRecord(v) && typeof v.name === 'string' ? [{ name: v.name, index }] : []));
}

// StatefulSet volumeClaimTemplates become pod volumes of the same name (§5.1 #16).
function claimTemplateNames(object: K8sObject): string[] {
  if (object.kind !== 'StatefulSet' || !isRecord(object.value.spec)) return [];
  return list(object.value.spec.volumeClaimTemplates).flatMap((t) => (isRecord(t) && isRecord(t.metadata) && typeof t.metadata.name === 'string' ? [t.metadata.name] : []));
}

/** volumemount-unknown-volume: `volumeMounts`/`volumeDevices` must name a pod volume (API validation). */
export const volumeMountUnknownVolume: K8sRule = {
  name: 'volumemount-unknown-volume',
  severity: 'error',
  check(object) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      const names = new Set([...volumeNames(template).map((v) => v.name), ...claimTemplateNames(object)]);
      for (const at of containersOf(template)) {
        for (const field of ['volumeMounts', 'volumeDevices']) {
          list(at.container[field]).forEach((mount, m) => {
            if (!isRecord(mount) || typeof mount.name !== 'string' || names.has(mount.name)) return;
            const known = [...names].join(', ');
            out.push({
              path: [...at.path, field, m, 'name'],
              message: `Container "${at.name ?? '?'}" mounts volume "${mount.name}", but the pod has no such volume (${known ? `it has: ${known}` : 'it declares no volumes'}).`,
              related: template.spec.volumes !== undefined ? [{ object, path: [...template.path, 'spec', 'volumes'], message: 'the pod volumes' }] : undefined,
            });
          });
        }
      }
    }
    return out;
  },
};

/** duplicate-volume-or-mountpath: volume names are unique per pod, mount paths per container (API validation). */
export const duplicateVolumeOrMountPath: K8sRule = {
  name: 'duplicate-volume-or-mountpath',
  severity: 'error',
  check(object) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      const first = new Map<string, number>();
      for (const { name, index } of volumeNames(template)) {
        const earlier = first.get(name);
        if (earlier === undefined) first.set(name, index);
        else out.push({ path: [...template.path, 'spec', 'volumes', index, 'name'], message: `Volume "${name}" is declared twice in this pod.`, related: [{ object, path: [...template.path, 'spec', 'volumes', earlier, 'name'], message: 'first declared here' }] });
      }
      for (const at of containersOf(template)) {
        const paths = new Map<string, number>();
        list(at.container.volumeMounts).forEach((mount, m) => {
          if (!isRecord(mount) || typeof mount.mountPath !== 'string') return;
          const earlier = paths.get(mount.mountPath);
          if (earlier === undefined) return void paths.set(mount.mountPath, m);
          out.push({
            path: [...at.path, 'volumeMounts', m, 'mountPath'],
            message: `Container "${at.name ?? '?'}" mounts two volumes at ${mount.mountPath}; mount paths must be unique.`,
            related: [{ object, path: [...at.path, 'volumeMounts', earlier, 'mountPath'], message: 'first mounted here' }],
          });
        });
      }
    }
    return out;
  },
};
