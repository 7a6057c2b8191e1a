import type { ComposeProject } from '../composeProject';
import { entries, entry, get, isTrue, items, str } from '../model';
import { attachedNetworks } from '../references';
import { quote, type Finding } from './types';
import { keyUses, undefinedReferences } from './resources';
import type { YNode } from '../tree';

/** CX-NET-001 network-undefined: service networks are declared at top level (`default` is implicit). */
export function networkUndefined(project: ComposeProject): Finding[] {
  const named = (service: YNode) => keyUses(get(service, 'networks')).filter((use) => use.name !== 'default');
  return undefinedReferences(project, 'networks', 'network', named, 'network-undefined');
}

/** CX-NET-002 network-mode-with-networks: Compose refuses both on one service. */
export function networkModeWithNetworks(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  for (const service of project.services) {
    const mode = entry(service.node, 'network_mode');
    const networks = entry(service.node, 'networks');
    if (!mode || !networks || entries(networks.value).length === 0) continue;
    for (const at of networks.origins) {
      out.push({
        code: 'network-mode-with-networks', severity: 'error', at, service: service.name,
        message: `service ${quote(service.name)} declares mutually exclusive 'network_mode' and 'networks'`,
        related: [{ at: mode.origins[0]!, message: 'network_mode is set here' }],
      });
    }
  }
  return out;
}

/** CX-NET-003 ports-with-host-network: with the host's network there is nothing to publish. */
export function portsWithHostNetwork(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  for (const service of project.services) {
    const mode = entry(service.node, 'network_mode');
    const ports = entry(service.node, 'ports');
    if (!mode || str(mode.value) !== 'host' || !ports || items(ports.value).length === 0) continue;
    for (const at of ports.origins) {
      out.push({
        code: 'ports-with-host-network', severity: 'warning', at, service: service.name,
        message: `service ${quote(service.name)} publishes ports, but with network_mode: host it uses the host's network directly and published ports are discarded`,
        related: [{ at: mode.value.origin, message: 'network_mode: host is set here' }],
      });
    }
  }
  return out;
}

/** CX-NET-005 unused-network: a declared network no service is attached to (external ones belong to others). */
export function unusedNetwork(project: ComposeProject): Finding[] {
  if (project.incomplete) return [];
  const used = new Set(project.services.flatMap((s) => [...attachedNetworks(s)]));
  const out: Finding[] = [];
  for (const network of entries(get(project.root, 'networks'))) {
    if (used.has(network.key) || isTrue(get(network.value, 'external'))) continue;
    for (const at of network.origins) {
      out.push({ code: 'unused-network', severity: 'hint', at, message: `network ${quote(network.key)} is declared but no service uses it` });
    }
  }
  return out;
}
