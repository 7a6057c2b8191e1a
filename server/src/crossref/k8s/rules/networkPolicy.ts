import { describeSelector, isEmptySelector, readSelector, selectorMatches, type LabelSelector, type Labels } from '../../labelSelector';
import { declaredPorts, list, nearestPortName, portValue, type DeclaredPort } from '../containers';
import { isRecord, type K8sObject } from '../k8sObject';
import { selectPods } from '../podSelection';
import { noPodsFinding, wantedLabels } from '../selectorTargets';
import type { K8sRule, RuleContext, RuleFinding } from '../ruleContext';
import type { PathSegment } from '../../../documents/yamlPath';

type Direction = 'ingress' | 'egress';

/** Every ingress and egress rule of a policy spec, with the key of its peers (`from` / `to`). */
function eachPolicyRule(spec: Record<string, unknown>, visit: (direction: Direction, peersKey: 'from' | 'to', rule: Record<string, unknown>, r: number) => void): void {
  for (const [direction, peersKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
    list(spec[direction]).forEach((rule, r) => {
      if (isRecord(rule)) visit(direction, peersKey, rule, r);
    });
  }
}

/** Every peer (`from` / `to` entry) of every rule of a policy spec, with its path in the object. */
function eachPolicyPeer(spec: Record<string, unknown>, visit: (direction: Direction, peer: Record<string, unknown>, path: PathSegment[]) => void): void {
  eachPolicyRule(spec, (direction, peersKey, rule, r) => {
    list(rule[peersKey]).forEach((peer, p) => {
      if (isRecord(peer)) visit(direction, peer, ['spec', direction, r, peersKey, p]);
    });
  });
}

/**
 * netpol-podselector-no-pods: the policy applies to no pod. `{}` selects every pod of the
 * namespace, so it can only miss when the namespace has no workloads here (then a Hint: a
 * default-deny often lands before the workloads).
 */
export const netpolPodSelectorNoPods: K8sRule = {
  name: 'netpol-podselector-no-pods',
  severity: 'warning',
  check(object, ctx) {
    if (object.kind !== 'NetworkPolicy' || !isRecord(object.value.spec)) return [];
    const selector = readSelector(object.value.spec.podSelector);
    if (!selector) return [];
    const finding = noPodsFinding(ctx, object, selector, ['spec', 'podSelector']);
    return finding ? [finding] : [];
  },
};

/**
 * netpol-peer-podselector-no-pods: a peer `podSelector` without `namespaceSelector` selects pods
 * of the policy's namespace. Peers with a `namespaceSelector` reach other teams' namespaces by
 * design and are not checked (§5.1 #20).
 */
export const netpolPeerPodSelectorNoPods: K8sRule = {
  name: 'netpol-peer-podselector-no-pods',
  severity: 'hint',
  check(object, ctx) {
    if (object.kind !== 'NetworkPolicy' || !isRecord(object.value.spec)) return [];
    const out: RuleFinding[] = [];
    eachPolicyPeer(object.value.spec, (direction, peer, path) => {
      if (peer.namespaceSelector !== undefined) return;
      const selector = readSelector(peer.podSelector);
      if (!selector) return;
      const finding = noPodsFinding(ctx, object, selector, [...path, 'podSelector'], `NetworkPolicy "${object.name}" ${direction} peer`);
      if (finding) out.push({ ...finding, severity: 'hint' });
    });
    return out;
  },
};

// The container ports of the pods a set of selectors picks in one namespace; undefined when they
// pick no pod here (the selector rules say so), so a named port is never judged against nothing.
function portsOfSelected(ctx: RuleContext, namespace: string | undefined, selectors: LabelSelector[]): DeclaredPort[] | undefined {
  const matched = selectors.flatMap((selector) => selectPods(ctx, namespace, wantedLabels(selector), (labels) => selectorMatches(selector, labels)).matched);
  return matched.length > 0 ? declaredPorts(matched) : undefined;
}

/**
 * netpol-named-port-unknown: a named port in an ingress rule must be a container port name of
 * the pods the policy selects; in an egress rule, of the peer pods it allows (only when every
 * peer is a same-namespace podSelector: other destinations are unknown here). A Hint: the port
 * may be served by pods outside the workspace.
 */
export const netpolNamedPortUnknown: K8sRule = {
  name: 'netpol-named-port-unknown',
  severity: 'hint',
  check(object, ctx) {
    if (object.kind !== 'NetworkPolicy' || !isRecord(object.value.spec)) return [];
    const spec = object.value.spec;
    const out: RuleFinding[] = [];
    eachPolicyRule(spec, (direction, peersKey, rule, r) => {
      const named = list(rule.ports).flatMap((port, p) => {
        if (!isRecord(port)) return [];
        const value = portValue(port.port);
        return value && 'name' in value ? [{ name: value.name, protocol: typeof port.protocol === 'string' ? port.protocol : 'TCP', p }] : [];
      });
      if (named.length === 0) return;
      let selectors: LabelSelector[];
      if (direction === 'ingress') {
        const own = readSelector(spec.podSelector);
        if (!own) return;
        selectors = [own];
      } else {
        const peers = list(rule[peersKey]);
        if (peers.length === 0 || peers.some((peer) => !isRecord(peer) || peer.namespaceSelector !== undefined || peer.ipBlock !== undefined)) return;
        const read = peers.map((peer) => readSelector((peer as Record<string, unknown>).podSelector));
        if (read.some((s) => !s)) return;
        selectors = read as LabelSelector[];
      }
      const ports = portsOfSelected(ctx, object.namespace, selectors);
      if (!ports) return;
      const pods = direction === 'ingress' ? 'the pods it selects' : `the ${direction} peer pods`;
      for (const { name, protocol, p } of named) {
        if (ports.some((port) => port.name === name && port.protocol === protocol)) continue;
        const { guess, near } = nearestPortName(ports, name);
        const declared = [...new Set(ports.flatMap((port) => (port.name ? [`${port.name}/${port.protocol}`] : [])))].slice(0, 6).join(', ');
        out.push({
          path: ['spec', direction, r, 'ports', p, 'port'],
          message: `NetworkPolicy "${object.name}" allows ${direction} to port "${name}" (${protocol}), but no container of ${pods} has a port of that name (${declared ? `they name ${declared}` : 'they name none'})${guess ? `; did you mean "${guess}"?` : '.'}`,
          related: near ? [{ object: near.owner, path: near.path, message: `${near.owner.kind} "${near.owner.name}" declares port ${near.name ?? '(unnamed)'}` }] : undefined,
        });
      }
    });
    return out;
  },
};

// A Namespace to point at from a finding: its labels when it has some, else its name.
function nearestNamespace(ns: K8sObject): NonNullable<RuleFinding['related']>[number] {
  const labelled = isRecord(ns.value.metadata) && isRecord(ns.value.metadata.labels);
  return { object: ns, path: ['metadata', labelled ? 'labels' : 'name'], message: `Namespace "${ns.name}"${labelled ? ' labels' : ''}` };
}

/**
 * netpol-namespaceselector-no-namespaces: a peer `namespaceSelector` that matches none of the
 * Namespaces the workspace declares (with the label the API server adds to every Namespace,
 * `kubernetes.io/metadata.name`). Namespaces are rarely kept in the same repository, so only a
 * workspace that declares some is judged, and only at Hint; `{}` (every namespace) never fires.
 */
export const netpolNamespaceSelectorNoNamespaces: K8sRule = {
  name: 'netpol-namespaceselector-no-namespaces',
  severity: 'hint',
  check(object, ctx) {
    if (object.kind !== 'NetworkPolicy' || !isRecord(object.value.spec)) return [];
    const spec = object.value.spec;
    const out: RuleFinding[] = [];
    let namespaces: Array<{ object: K8sObject; labels: Labels }> | undefined;
    eachPolicyPeer(spec, (direction, peer, path) => {
      const selector = readSelector(peer.namespaceSelector);
      if (!selector || isEmptySelector(selector)) return;
      namespaces ??= ctx.ofKind('Namespace').map((ns) => ({ object: ns, labels: { ...ns.labels, 'kubernetes.io/metadata.name': ns.name } }));
      if (namespaces.length === 0 || namespaces.some((ns) => selectorMatches(selector, ns.labels))) return;
      out.push({
        path: [...path, 'namespaceSelector'],
        on: 'key',
        message: `This ${direction} peer's namespaceSelector (${describeSelector(selector)}) matches none of the ${namespaces.length} Namespace${namespaces.length === 1 ? '' : 's'} declared in the workspace; namespaces created elsewhere may still match.`,
        related: [nearestNamespace(namespaces[0]!.object)],
      });
    });
    return out;
  },
};
