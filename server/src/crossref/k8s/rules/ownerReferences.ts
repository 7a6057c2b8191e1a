import type { K8sRule } from '../ruleContext';

/** ownerreference-in-manifest: owner UIDs are assigned by the cluster, so a written ownerReference rarely survives apply. */
export const ownerReferenceInManifest: K8sRule = {
  name: 'ownerreference-in-manifest',
  severity: 'information',
  check(object) {
    const metadata = object.value.metadata as { ownerReferences?: unknown } | undefined;
    if (!Array.isArray(metadata?.ownerReferences) || metadata.ownerReferences.length === 0) return [];
    return [{ path: ['metadata', 'ownerReferences'], on: 'key', message: 'ownerReferences carry the owner\'s cluster-assigned UID; in a source manifest they usually point at an object that no longer exists, and the garbage collector then deletes this one.' }];
  },
};
