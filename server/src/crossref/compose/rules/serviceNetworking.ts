import { findService, type ComposeProject, type ServiceModel } from '../composeProject';
import { entries, get, items, str } from '../model';
import { attachable, attachedNetworks, exclusiveProfiles, implicitEdges } from '../references';
import type { YNode } from '../tree';
import { quote, type Finding } from './types';

/**
 * CX-ALS-001 shared-network-alias: one alias on one network in two services; which container
 * the name resolves to is not guaranteed (spec). May be deliberate load-balancing: a Hint.
 */
export function sharedNetworkAlias(project: ComposeProject): Finding[] {
  const byAlias = new Map<string, Array<{ service: ServiceModel; node: YNode }>>();
  for (const service of project.services) {
    for (const network of entries(get(service.node, 'networks'))) {
      for (const item of items(get(network.value, 'aliases'))) {
        const alias = str(item);
        if (!alias) continue;
        const key = `${network.key}\u0000${alias}`;
        byAlias.set(key, [...(byAlias.get(key) ?? []), { service, node: item }]);
      }
    }
  }
  const out: Finding[] = [];
  for (const [key, uses] of byAlias) {
    const [network, alias] = key.split('\u0000') as [string, string];
    for (const use of uses) {
      const others = uses.filter((u) => u.service !== use.service && !exclusiveProfiles(u.service, use.service));
      if (others.length === 0) continue;
      out.push({
        code: 'shared-network-alias', severity: 'hint', at: use.node.origin, service: use.service.name,
        message: `alias ${quote(alias)} on network ${quote(network)} is also used by service ${others.map((o) => quote(o.service.name)).join(', ')}: which container the name resolves to is not guaranteed`,
        related: others.map((o) => ({ at: o.node.origin, message: `alias of service ${quote(o.service.name)}` })),
      });
    }
  }
  return out;
}

/**
 * CX-LNK-001 link-without-shared-network: `links` don't connect networks; services on no
 * common network can't reach each other, and Compose doesn't warn (spec).
 */
export function linkWithoutSharedNetwork(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  for (const service of project.services) {
    if (!attachable(service)) continue;
    const mine = attachedNetworks(service);
    for (const edge of implicitEdges(service)) {
      const target = edge.via === 'links' ? findService(project, edge.to) : undefined;
      if (!target || !attachable(target) || [...attachedNetworks(target)].some((n) => mine.has(n))) continue;
      out.push({
        code: 'link-without-shared-network', severity: 'hint', at: edge.at, sub: edge.sub, service: service.name,
        message: `service ${quote(service.name)} links to ${quote(edge.to)}, but they share no network, so the link can't reach it`,
        related: [{ at: target.decl.origins[0]!, message: `service ${quote(edge.to)} is attached to ${[...attachedNetworks(target)].map(quote).join(', ')}` }],
      });
    }
  }
  return out;
}
