import { contains, parseAddress, parseSubnet, type Subnet } from '../cidr';
import { findResource, type ComposeProject } from '../composeProject';
import { asScalar, entries, get, isTrue, items, str } from '../model';
import type { YNode } from '../tree';
import { quote, type Finding } from './types';

interface Declared {
  subnet: Subnet;
  node: YNode;
}

// The subnets of a network's ipam.config; undefined when some are unknown (unset variables, bad syntax).
function subnetsOf(network: YNode): Declared[] | undefined {
  const out: Declared[] = [];
  for (const config of items(get(network, 'ipam', 'config'))) {
    const node = get(config, 'subnet');
    if (!node) continue;
    const subnet = str(node) === undefined ? undefined : parseSubnet(str(node)!);
    if (!subnet) return undefined;
    out.push({ subnet, node });
  }
  return out;
}

/**
 * CX-NET-004 static-ip-outside-subnet: `ipv4_address`/`ipv6_address` must fall in a subnet the
 * network declares in `ipam.config`; Docker refuses static addresses on networks without a
 * user-configured subnet. External networks (unknown subnets) are skipped.
 */
export function staticIpOutsideSubnet(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  for (const service of project.services) {
    for (const network of entries(get(service.node, 'networks'))) {
      const declared = findResource(project, 'networks', network.key);
      if (!declared || isTrue(get(declared.value, 'external')) || asScalar(get(declared.value, 'external'))?.unresolved) continue;
      for (const field of ['ipv4_address', 'ipv6_address'] as const) {
        const node = get(network.value, field);
        const text = str(node);
        const address = text === undefined ? undefined : parseAddress(text);
        const subnets = subnetsOf(declared.value);
        if (!node || !address || !subnets) continue;
        const family = subnets.filter((s) => s.subnet.family === address.family);
        if (family.some((s) => contains(s.subnet, address))) continue;
        const v = `IPv${address.family}`;
        const where = `service ${quote(service.name)} sets ${field} ${text} on network ${quote(network.key)}`;
        out.push({
          code: 'static-ip-outside-subnet', severity: 'warning', at: node.origin, service: service.name,
          message: family.length
            ? `${where}, outside its ${v} subnets (${family.map((s) => str(s.node)).join(', ')})`
            : `${where}, which declares no ${v} subnet in ipam.config: Docker accepts static addresses only on networks with a user-configured subnet`,
          related: family.length
            ? family.map((s) => ({ at: s.node.origin, message: `subnet of network ${quote(network.key)}` }))
            : [{ at: declared.origins[0]!, message: `network ${quote(network.key)} is declared here` }],
        });
      }
    }
  }
  return out;
}
