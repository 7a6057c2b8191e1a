import type { KObject } from '../kobject';
import type { KubernetesVersionSchemas } from '../../schema/kubernetesSchemas';
import { isRecord } from './jsonValue';
import { apiGroup, kindOf } from './objectMeta';

/** How the API server would map an apiVersion/kind, without discovery: the schemas, then CRDs in sight. */
export type KindResolution =
  | { status: 'served'; namespaced: boolean }
  | { status: 'custom'; namespaced: boolean }
  /** A built-in group that does not serve this version/kind in the chosen Kubernetes version. */
  | { status: 'unserved' };

export class KindResolver {
  private readonly builtinGroups: Set<string>;
  private readonly customScopes = new Map<string, boolean>();

  constructor(
    private readonly schemas: KubernetesVersionSchemas,
    objects: Iterable<KObject>,
  ) {
    this.builtinGroups = new Set(schemas.servedKinds().map((key) => apiGroup(key.slice(0, key.lastIndexOf('/')))));
    for (const object of objects) this.learn(object);
  }

  /** Records the scope of the kind a CustomResourceDefinition declares. */
  learn(object: KObject): void {
    if (!isRecord(object) || kindOf(object) !== 'CustomResourceDefinition' || !isRecord(object.spec) || !isRecord(object.spec.names)) return;
    const { group, names, scope } = object.spec;
    if (typeof group === 'string' && typeof names.kind === 'string') this.customScopes.set(`${group}/${names.kind}`, scope !== 'Cluster');
  }

  resolve(apiVersion: string, kind: string): KindResolution {
    const info = this.schemas.kindInfo(apiVersion, kind);
    if (info) return { status: 'served', namespaced: info.namespaced };
    const group = apiGroup(apiVersion);
    const custom = this.customScopes.get(`${group}/${kind}`);
    if (custom !== undefined) return { status: 'custom', namespaced: custom };
    // Custom resource groups always contain a dot; a group without one is built in (extensions, apps).
    if (this.builtinGroups.has(group) || !group.includes('.')) return { status: 'unserved' };
    // Unknown custom resources: namespaced, as most are.
    return { status: 'custom', namespaced: true };
  }
}
