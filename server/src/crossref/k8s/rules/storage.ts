import { list } from '../containers';
import { isRecord, type K8sObject } from '../k8sObject';
import { namespaceRelation } from '../../namespaces';
import { resolveReference } from '../references';
import { kindPresentInNamespace } from '../workspaceScope';
import type { K8sRule, RuleContext, RuleFinding } from '../ruleContext';

// Claims the controllers create: StatefulSet `<template>-<sts>-<ordinal>`, ephemeral volumes `<pod>-<volume>`.
function generatedClaim(ctx: RuleContext, namespace: string | undefined, claim: string): K8sObject | undefined {
  for (const sts of ctx.ofKind('StatefulSet')) {
    if (namespaceRelation(namespace, sts.namespace) === 'different' || !isRecord(sts.value.spec)) continue;
    for (const t of list(sts.value.spec.volumeClaimTemplates)) {
      const name = isRecord(t) && isRecord(t.metadata) ? t.metadata.name : undefined;
      if (typeof name === 'string' && new RegExp(`^${escape(`${name}-${sts.name}-`)}\\d+$`).test(claim)) return sts;
    }
  }
  for (const pod of ctx.ofKind('Pod')) {
    if (namespaceRelation(namespace, pod.namespace) === 'different' || !isRecord(pod.value.spec)) continue;
    if (list(pod.value.spec.volumes).some((v) => isRecord(v) && isRecord(v.ephemeral) && `${pod.name}-${String(v.name)}` === claim)) return pod;
  }
  return undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** pvc-missing: a pod whose claim does not exist stays Pending. */
export const pvcMissing: K8sRule = {
  name: 'pvc-missing',
  severity: 'warning',
  check(object, ctx) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      list(template.spec.volumes).forEach((volume, v) => {
        if (!isRecord(volume) || !isRecord(volume.persistentVolumeClaim)) return;
        const name = volume.persistentVolumeClaim.claimName;
        if (typeof name !== 'string' || generatedClaim(ctx, object.namespace, name)) return;
        const path = [...template.path, 'spec', 'volumes', v, 'persistentVolumeClaim', 'claimName'];
        const resolution = resolveReference(ctx, object, { kind: 'PersistentVolumeClaim', name, path }, 'warning');
        if (resolution.status === 'finding') out.push({ ...resolution.finding, message: `${resolution.finding.message} The pod stays Pending until it exists.` });
      });
    }
    return out;
  },
};

/** pv-pvc-binding: a PVC's `volumeName` and a PV's `claimRef` must point at each other's objects. */
export const pvPvcBinding: K8sRule = {
  name: 'pv-pvc-binding',
  severity: 'warning',
  check(object, ctx) {
    const spec = isRecord(object.value.spec) ? object.value.spec : undefined;
    if (!spec) return [];
    if (object.kind === 'PersistentVolumeClaim') {
      const resolution = resolveReference(ctx, object, { kind: 'PersistentVolume', name: spec.volumeName, path: ['spec', 'volumeName'] }, 'warning');
      if (resolution.status === 'finding') return [resolution.finding];
      if (resolution.status !== 'found') return [];
      const pv = resolution.target;
      const claimRef = isRecord(pv.value.spec) && isRecord(pv.value.spec.claimRef) ? pv.value.spec.claimRef : undefined;
      if (!claimRef || (claimRef.name === object.name && namespaceRelation(object.namespace, typeof claimRef.namespace === 'string' ? claimRef.namespace : undefined) !== 'different')) return [];
      return [
        {
          path: ['spec', 'volumeName'],
          message: `PersistentVolume "${pv.name}" is reserved for claim "${String(claimRef.namespace ?? '')}/${String(claimRef.name)}", not this one; the claim stays Pending.`,
          related: [{ object: pv, path: ['spec', 'claimRef'], message: `PersistentVolume "${pv.name}" claimRef` }],
        },
      ];
    }
    if (object.kind === 'PersistentVolume' && isRecord(spec.claimRef)) {
      const namespace = typeof spec.claimRef.namespace === 'string' ? spec.claimRef.namespace : undefined;
      const resolution = resolveReference(ctx, object, { kind: 'PersistentVolumeClaim', name: spec.claimRef.name, path: ['spec', 'claimRef', 'name'], namespace }, 'warning');
      if (resolution.status !== 'finding') return [];
      // A claim in a namespace whose claims this workspace never defines is managed elsewhere.
      const elsewhere = namespace !== undefined && !kindPresentInNamespace(ctx, 'PersistentVolumeClaim', namespace);
      return [elsewhere ? { ...resolution.finding, severity: 'hint' } : resolution.finding];
    }
    return [];
  },
};
